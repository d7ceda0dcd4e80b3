// Every contract channel, answered by the services. Input arrives validated (see dispatcher.ts);
// actions are attributed to the current local profile.
import type { AppInfo } from '../../src-preload/contract';
import type { CoreServices } from '../core';
import type { Db } from '../store/database';
import { searchSessions } from '../store/repos/search';
import { assessmentToCheck } from '../insights/assessment-check';
import { interactive } from '../psa/connectwise/errors';
import { AppError } from '../errors';
import type { Handlers } from './dispatcher';

export function createHandlers(db: Db, s: CoreServices, info: AppInfo): Handlers {
  const me = () => s.profiles.require();
  return {
    'app:info': () => info,
    'app:update-status': () => s.updates.status(),
    'app:restart-to-update': () => s.updates.requestRestart(),
    'settings:desktop-get': () => s.desktop.view(me()),
    'settings:desktop-save': (input) => s.desktop.save(me(), input),
    // Answered by the launcher while the store needs a decision; once the core runs, all is well.
    'startup:status': () => ({ state: 'ready', problem: null, backups: [], canStartFresh: false }),
    'startup:recover': () => {
      throw new AppError('CONFLICT', "Baton's data is open and healthy: there is nothing to recover");
    },
    'profile:current': () => s.profiles.current(),
    'profile:create': (input) => s.profiles.create(input),
    'profile:add': (input) => s.profiles.add(me(), input),
    'profile:switch': (input) => s.profiles.switchTo(input.id),
    'managed:status': () => s.managed.status(),
    'settings:managed-get': () => s.managed.view(),
    'settings:people-get': () => s.managed.people(),
    'users:list': () => s.profiles.list(),
    'handoffs:create': (input) => s.handoffs.create(me(), input),
    'handoffs:list': (input) => s.handoffs.page(me(), input),
    'handoffs:mine': () => s.handoffs.mine(me()),
    'handoffs:get': (input) => s.handoffs.open(me(), input.id),
    'handoffs:claim': (input) => s.handoffs.claim(me(), input.id),
    'handoffs:resume': (input) => s.handoffs.resume(me(), input.id),
    'sessions:list': (input) => s.sessions.list(input),
    'sessions:create': (input) => s.sessions.create(me(), input),
    'sessions:get': (input) => s.sessions.get(input.id),
    'sessions:search': (input) => searchSessions(db, input),
    'sessions:rename': (input) => s.sessions.rename(me(), input.id, input.title),
    'sessions:request-escalation': (input) => s.sessions.requestEscalation(me(), input.id, input.reason),
    'messages:add': (input) => s.sessions.addMessage(me(), input.sessionId, input.body, input.id),
    'messages:retry-reply': (input) => s.replies.retry(me(), input.messageId),
    'messages:reveal': (input) => s.sessions.revealWithheld(me(), input.messageId),
    'steps:add': (input) => s.workspace.addStep(me(), input),
    'steps:update': (input) => s.workspace.updateStep(me(), input),
    'steps:remove': (input) => s.workspace.removeStep(me(), input.id),
    'facts:add': (input) => s.workspace.addFact(me(), input.sessionId, input.text, input.id),
    'facts:update': (input) => s.workspace.updateFact(me(), input.id, input.text),
    'facts:remove': (input) => s.workspace.removeFact(me(), input.id),
    'hypotheses:add': (input) => s.workspace.addHypothesis(me(), input),
    'hypotheses:update': (input) => s.workspace.updateHypothesis(me(), input),
    'hypotheses:remove': (input) => s.workspace.removeHypothesis(me(), input.id),
    'settings:ai-get': () => s.ai.view(me()),
    'settings:ai-save': (input) => s.ai.save(me(), input),
    'settings:ai-test': (input) => s.ai.test(input),
    'notifications:list': () => s.bell.list(me()),
    'notifications:mark-read': (input) => s.bell.markRead(me(), input.ids),
    'settings:webhooks-get': () => s.webhooks.view(me()),
    'settings:webhooks-save': (input) => s.webhooks.save(me(), input),
    'settings:webhooks-test': (input) => s.webhooks.test(input.channel),
    'fixes:decide': (input) => s.fixes.decide(me(), input),
    'fixes:outcome': (input) => s.fixes.recordOutcome(me(), input),
    'notes:preview': (input) => s.noteDrafts.preview(me(), input.kind, input.sessionId),
    'notes:post': (input) => s.notePosting.post(me(), input),
    'notes:check': (input) => s.noteDrafts.check(input.markdown),
    'notes:retry-post': (input) => s.notePosting.retry(me(), input.id),
    'sessions:link-ticket': (input) => s.ticketLinks.link(me(), input.sessionId, input.ticketId),
    'sessions:ticket': (input) => s.ticketLinks.ticket(input.id),
    'settings:connectwise-get': () => s.connectwise.view(me()),
    'settings:connectwise-save': (input) => s.connectwise.saveConnection(me(), input),
    'settings:connectwise-test': (input) => s.connectwise.test(input),
    'settings:connectwise-boards': () => s.connectwise.boards(),
    'settings:connectwise-statuses': (input) => s.connectwise.boardStatuses(input.boardId),
    'settings:connectwise-save-mapping': (input) => s.connectwise.saveStatusMapping(me(), input),
    'settings:connectwise-people': () => s.memberMapping.view(me()),
    'settings:connectwise-map-member': (input) => s.memberMapping.map(me(), input),
    'settings:microsoft-get': () => s.microsoft.view(me()),
    'settings:microsoft-save': (input) => s.microsoft.save(me(), input),
    'settings:microsoft-sign-in': () => s.microsoft.signIn(me()),
    'settings:microsoft-sign-out': () => s.microsoft.signOut(me()),
    'settings:email-recipients-get': () => s.emailRecipients.view(me()),
    'settings:email-recipients-save': (input) => s.emailRecipients.save(me(), input),
    'settings:team-get': () => s.teamSettings.view(me()),
    'settings:team-save': (input) => s.teamSettings.save(me(), input),
    'handoffs:refresh': async () => {
      // Never "nothing new" from a ConnectWise that is not set up: say what is missing instead.
      if (!(await s.connectwise.isConfigured()))
        throw new AppError(
          'NOT_CONFIGURED',
          'ConnectWise is not connected, so there is nothing to check: an owner or admin connects it in Settings → ConnectWise',
        );
      if (!s.connectwise.statusMapping().escalated)
        throw new AppError(
          'NOT_CONFIGURED',
          'No ConnectWise status means "escalated" yet: an owner or admin chooses it in Settings → ConnectWise',
        );
      const result = await interactive(() => s.team.poll());
      return { imported: result.imported.length, closed: result.closed.length };
    },
    'settings:handoffs-get': () => s.handoffSettings.view(me()),
    'settings:handoffs-save': (input) => s.handoffSettings.save(me(), input),
    'settings:appearance-get': () => s.appearance.view(),
    'settings:appearance-save': (input) => s.appearance.save(me(), input),
    'queue:status': () => s.queue.status(),
    'queue:list': (input) => s.queue.list(input.filter, input.limit),
    'queue:retry': (input) => s.queue.retry(me(), input.id),
    'queue:discard': (input) => s.queue.discard(me(), input.id),
    'connection:set-work-offline': (input) => s.queue.setWorkOffline(me(), input.workOffline),
    'insights:report': (input) => s.insights.report(me(), input),
    'assessments:latest': (input) => assessmentToCheck(db, input.id),
  };
}
