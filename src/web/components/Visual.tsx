import type { ComponentChildren } from 'preact';
import { downloadCsv } from '../api.js';
import { usePage } from '../page-context.js';

/**
 * A visual's frame: title, the definition of what it shows (measure SQL and input tables, on
 * click), "Export CSV" of its data, links to the data quality of the tables it read.
 */
export function Visual(props: {
  title: string;
  measures?: readonly string[];
  csvUrl?: string | undefined;
  tables?: readonly { table: string; version: number }[] | undefined;
  error?: string | undefined;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const { measures } = usePage();
  const defs = (props.measures ?? []).map((m) => measures[m]).filter((m) => m !== undefined);
  const slug = props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <section class={`visual${props.wide ? ' wide' : ''}`} aria-label={props.title} data-visual={slug}>
      <header>
        <h2>{props.title}</h2>
        {props.csvUrl && (
          <button type="button" class="export" onClick={() => void downloadCsv(props.csvUrl!, slug)}>
            Export CSV
          </button>
        )}
      </header>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : (
        props.children
      )}
      <footer>
        {defs.length > 0 && (
          <details class="definition">
            <summary>Definition</summary>
            {defs.map((d) => (
              <div key={d.name}>
                <strong>{d.label}</strong>: {d.description}
                <pre>{d.sql}</pre>
                <small>Reads {d.tables.join(', ')}</small>
              </div>
            ))}
          </details>
        )}
        {props.tables && props.tables.length > 0 && (
          <a
            class="quality-link"
            href={`/app/quality?tables=${encodeURIComponent(props.tables.map((t) => t.table).join(','))}`}
          >
            Data quality of {props.tables.map((t) => `${t.table.split('.')[2]} v${t.version}`).join(', ')}
          </a>
        )}
      </footer>
    </section>
  );
}
