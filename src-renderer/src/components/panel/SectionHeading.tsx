/** A panel section's heading; the count beside it is decoration (the list says how many). */
export function SectionHeading({ id, title, count }: { id: string; title: string; count: number }) {
  return (
    <div className="panel-section-head">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {count > 0 && (
        <span className="panel-count" aria-hidden="true">
          {count}
        </span>
      )}
    </div>
  );
}
