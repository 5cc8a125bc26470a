import type { Notice } from '../../shared/contract'
import { Listeners } from '../../shared/listeners'

/** Start-up messages the user must see (corrupt store moved aside, no encryption …), until dismissed. */
export class NoticeBoard {
  private notices: Notice[] = []
  private readonly listeners = new Listeners<Notice[]>()

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
    return this.listeners.add(listener)
  }

  private emit(): void {
    this.listeners.emit(this.list())
  }
}
