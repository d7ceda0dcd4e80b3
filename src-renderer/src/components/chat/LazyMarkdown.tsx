import { lazy, Suspense } from 'react';

// react-markdown and its parsers are a third of the renderer's code and no first screen needs them:
// they load with the first message or note that shows markdown. Until then the text shows as typed.
const MarkdownRenderer = lazy(() => import('./Markdown').then((m) => ({ default: m.Markdown })));

export function Markdown({ text }: { text: string }) {
  return (
    <Suspense
      fallback={
        <div className="md">
          <p style={{ whiteSpace: 'pre-wrap' }}>{text}</p>
        </div>
      }
    >
      <MarkdownRenderer text={text} />
    </Suspense>
  );
}
