// Plays the user's browser in the interactive sign-in: opens the authorize URL the app hands to
// `openBrowser`, and submits the form_post page the authority answers with to the app's loopback
// redirect URI, as the page's script would. It uses the plain global fetch (a browser is not Baton's
// HttpClient), so the fake authority's certificate must be trusted in this process (test-tls.ts).

export interface BrowserVisit {
  method: 'GET' | 'POST';
  url: string;
  status: number;
  /** The page text (for the loopback: the app's successTemplate or errorTemplate). */
  text: string;
}

export interface FakeBrowser {
  /** Pass this as the app's openBrowser: resolves when the loopback page has loaded. */
  open(url: string): Promise<void>;
  readonly visits: readonly BrowserVisit[];
  /** The last page shown: what the user sees when sign-in is over. */
  readonly lastPage: string | undefined;
}

export function fakeBrowser(): FakeBrowser {
  const visits: BrowserVisit[] = [];
  const visit = async (method: 'GET' | 'POST', url: string, form?: URLSearchParams) => {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {},
      body: form?.toString(),
    });
    const entry = { method, url, status: response.status, text: await response.text() };
    visits.push(entry);
    return entry;
  };
  return {
    visits,
    get lastPage() {
      return visits.at(-1)?.text;
    },
    async open(url) {
      const page = await visit('GET', url);
      if (page.status !== 200)
        throw new Error(`The sign-in page answered ${page.status}: ${textOf(page.text).slice(0, 300)}`);
      const form = parseAutoPostForm(page.text);
      if (!form) throw new Error(`The sign-in page has no form to submit: ${page.text.slice(0, 300)}`);
      const done = await visit('POST', form.action, form.fields);
      if (done.status !== 200)
        throw new Error(`The app's redirect page answered ${done.status}: ${done.text.slice(0, 300)}`);
    },
  };
}

/** The `<form method="POST" action=…>` of a form_post page and its hidden inputs. */
export function parseAutoPostForm(html: string): { action: string; fields: URLSearchParams } | null {
  const form = /<form\b[^>]*\bmethod="post"[^>]*>/i.exec(html);
  const action = form && /\baction="([^"]*)"/i.exec(form[0]);
  if (!action) return null;
  const fields = new URLSearchParams();
  for (const input of html.matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/i.exec(input[0]);
    const value = /\bvalue="([^"]*)"/i.exec(input[0]);
    if (name) fields.append(unescapeHtml(name[1]!), unescapeHtml(value?.[1] ?? ''));
  }
  return { action: unescapeHtml(action[1]!), fields };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCharCode(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
