import type { Notice } from '../../shared/contract'

/** Start-up messages the user must see (corrupt store moved aside, no encryption …), until dismissed. */
export class NoticeBoard {
  private notices: Notice[] = []
  private readonly listeners = new Set<(notices: Notice[]) => void>()

  add(notice: Notice): void {
    this.notices = [...this.notices.filter((n) => n.id !== notice.id), notice]
    this.emit()
  }

  dismiss(id: string): void {
    this.notices = this.notices.filter((n) => n.id !== id)
    this.emit()
  }

  list(): Notice[] {
    return [...this.notices]
  }

  onChange(listener: (notices: Notice[]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.list())
  }
}
