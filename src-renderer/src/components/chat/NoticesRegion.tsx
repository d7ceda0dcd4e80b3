import type { ReactNode } from 'react';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The notices between the conversation and the composer. When any notice shows, the area is a named
 * region and reachable by keyboard (it scrolls when the notices outgrow a small window). Whether a
 * notice shows is each notice's own business (most render nothing most of the time), so this watches
 * what actually rendered rather than repeating their conditions.
 */
export function NoticesRegion({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current!;
    const update = () => setShown(element.childElementCount > 0);
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { childList: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="session-notices"
      {...(shown ? { tabIndex: 0, role: 'region', 'aria-label': 'Notices' } : {})}
    >
      {children}
    </div>
  );
}
