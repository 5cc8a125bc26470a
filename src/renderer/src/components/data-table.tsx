import type { ReactNode } from 'react'
import './data-table.css'

export interface DataTableColumn {
  /** The header cell's content. */
  header: ReactNode
  /** Right-aligned, tabular figures. */
  numeric?: boolean
}

export interface DataTableProps<R> {
  /** The table's accessible name. */
  label: string
  columns: readonly DataTableColumn[]
  rows: readonly R[]
  /** One keyed `<tr>` per row. */
  children: (row: R) => ReactNode
  /** Shown across every column while there are no rows. */
  empty: string
}

/** A compact log table: column headers, the rows, and a message that spans them all when there are none. */
export function DataTable<R>({ label, columns, rows, children, empty }: DataTableProps<R>) {
  return (
    <table aria-label={label} className="data-table">
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => children(row))}
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className="muted">
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
