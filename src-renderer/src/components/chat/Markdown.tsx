import type { ComponentProps, MouseEvent } from 'react';
import ReactMarkdown from 'react-markdown';
import type { Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** Only https links open (in a new window: Electron hands them to the OS browser after its own
 * https check; the browser host opens a tab). Anything else stays inert text. */
export function isSafeHref(href: string | undefined): boolean {
  if (!href) return false;
  try {
    return new URL(href).protocol === 'https:';
  } catch {
    return false;
  }
}

function SafeLink({ href, children, title }: ComponentProps<'a'>) {
  if (!isSafeHref(href))
    return (
      <span
        className="md-link-inert"
        title={href ? `Not opened: only https links open (${href})` : undefined}
      >
        {children}
      </span>
    );
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // Checked again at the moment of the click, whatever rewrote the DOM in between.
    if (!isSafeHref(event.currentTarget.href)) event.preventDefault();
  };
  return (
    <a href={href} title={title ?? href} target="_blank" rel="noreferrer noopener" onClick={onClick}>
      {children}
    </a>
  );
}

const components: Components = {
  a: ({ node: _node, ...props }) => <SafeLink {...props} />,
  // No remote images: the CSP would block them, and a pixel would tell someone the reply was read.
  img: ({ alt, src }) => <span className="md-image-inert">[image: {alt || src || 'untitled'}]</span>,
  pre: ({ node: _node, ...props }) => <pre tabIndex={0} {...props} />,
  table: ({ node: _node, ...props }) => (
    <div className="md-table-wrap">
      <table {...props} />
    </div>
  ),
};

/** URLs are kept only when they are https (links) — javascript:, data:, file: and the rest are dropped. */
const urlTransform = (url: string) => (isSafeHref(url) ? url : '');

/** Assistant text as sanitized markdown: GitHub-flavoured, raw HTML skipped, links guarded. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="md">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components} urlTransform={urlTransform}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
