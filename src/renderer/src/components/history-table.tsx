import type { ReactNode } from 'react'
import { DataTable, type DataTableColumn } from './data-table'
import './history-table.css'

export interface HistoryTableProps<R extends { id: string }> {
  /** The section's and the table's accessible name. */
  label: string
  heading: string
  columns: readonly DataTableColumn[]
  rows: readonly R[]
  /** The row's cells, before its Show cell. */
  cells: (row: R) => ReactNode
  empty: string
  /** The row shown elsewhere on the page: marked, and its Show button replaced by `showing`. */
  shownId: string | null
  onShow: (row: R) => void
  /** What a screen reader hears after "Show" on a row's button: the row told apart from the others. */
  nameOf: (row: R) => string
  onClear: () => void
  clearing: boolean
  /** Words: the Show button, the shown row's marker, the Clear button. */
  text: { show: string; showing: string; clear: string }
  /** A failure of the history's own commands (Clear), above the table. */
  error?: ReactNode
}

/** A feature's recent runs, newest first: a heading with Clear, and a table whose rows can be shown again. */
export function HistoryTable<R extends { id: string }>(props: HistoryTableProps<R>) {
  const { label, heading, columns, rows, cells, empty, shownId, onShow, nameOf, onClear, clearing, text } =
    props
  return (
    <section className="history" aria-label={label}>
      <header className="panel-header">
        <h3>{heading}</h3>
        <button type="button" className="quiet" disabled={rows.length === 0 || clearing} onClick={onClear}>
          {text.clear}
        </button>
      </header>
      {props.error}
      <div className="history-scroll">
        <DataTable
          label={label}
          columns={[...columns, { header: <span className="sr-only">{text.show}</span> }]}
          rows={rows}
          empty={empty}
        >
          {(row) => (
            <tr key={row.id} aria-current={row.id === shownId ? 'true' : undefined}>
              {cells(row)}
              <td>
                {row.id === shownId ? (
                  <span className="muted">{text.showing}</span>
                ) : (
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`${text.show} ${nameOf(row)}`}
                    onClick={() => onShow(row)}
                  >
                    {text.show}
                  </button>
                )}
              </td>
            </tr>
          )}
        </DataTable>
      </div>
    </section>
  )
}
