import { useId, type ReactNode } from 'react'
import './finding-list.css'

/** How much a finding matters; the colour of its edge and of its level word. */
export type FindingTone = 'error' | 'warning' | 'info'

export interface ShownFinding {
  key: string
  tone: FindingTone
  /** The level in words ("Error", "会被拒绝"): colour is never the only sign. */
  level: string
  message: string
  /** What to do about it, when there is something to do. */
  fix?: { label: string; text: string }
}

export interface FindingListProps {
  heading: string
  headingLevel: 3 | 4
  /** Null while the first check is still running: said so, rather than "no problems". */
  findings: readonly ShownFinding[] | null
  pending?: string
  /** Said (in the calm colour) when a check found nothing. */
  none: string
}

/** A check's findings, worst first as given, each with its level in words and its fix. */
export function FindingList({ heading, headingLevel, findings, pending, none }: FindingListProps) {
  const headingId = useId()
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  let body: ReactNode
  if (findings === null) body = <p className="muted">{pending}</p>
  else if (findings.length === 0) body = <p className="ok-text">{none}</p>
  else
    body = (
      <ul aria-labelledby={headingId}>
        {findings.map((finding) => (
          <li key={finding.key} className={`finding finding-${finding.tone}`}>
            <span className="finding-level">{finding.level}</span> <span>{finding.message}</span>
            {finding.fix && (
              <span className="hint">
                <strong>{finding.fix.label}</strong> {finding.fix.text}
              </span>
            )}
          </li>
        ))}
      </ul>
    )
  return (
    <div className="finding-list">
      <Heading id={headingId}>{heading}</Heading>
      {body}
    </div>
  )
}
