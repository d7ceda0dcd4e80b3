import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Figure } from './figures';
import { toCsv } from './figures';

/** Saves `text` as a file through the browser's download (Electron asks where to save it). */
function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * One Insights chart: its title, a plain-text summary (what a screen reader announces for the chart,
 * and a one-line reading for everyone), the chart, which records it covers, the numbers as a table,
 * and a CSV download of the same numbers.
 */
export function ChartCard(props: {
  title: string;
  figure: Figure;
  fileName: string;
  /** Renders the chart; the SVG is labelled by the summary. */
  children: (summaryId: string) => ReactNode;
  wide?: boolean;
}) {
  const titleId = useId();
  const summaryId = useId();
  const { figure } = props;
  return (
    <figure className={`insights-card${props.wide ? ' insights-card-wide' : ''}`} aria-labelledby={titleId}>
      <header className="insights-card-header">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          className="small"
          aria-label={`Download ${props.title} as CSV`}
          onClick={() => download(props.fileName, toCsv(figure.table))}
        >
          CSV
        </button>
      </header>
      <p className="insights-summary" id={summaryId}>
        {figure.summary}
      </p>
      <div className="insights-chart">{props.children(summaryId)}</div>
      <figcaption className="insights-covers">
        <span className="insights-covers-label">Covers:</span> {figure.covers}
      </figcaption>
      <details className="insights-numbers">
        <summary>Numbers</summary>
        <div className="insights-table-wrap">
          <table>
            <thead>
              <tr>
                {figure.table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figure.table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j}>{cell ?? '—'}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
