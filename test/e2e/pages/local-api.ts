import { expect, type Locator, type Page } from '@playwright/test'

/** The Local API panel as a user sees it (English UI), by role and label. */
export class LocalApiPanel {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Local API', exact: true })
  }

  get switch(): Locator {
    return this.region.getByRole('switch', { name: 'Serve the local API' })
  }

  get port(): Locator {
    return this.region.getByRole('textbox', { name: 'Port', exact: true })
  }

  get key(): Locator {
    return this.region.getByRole('textbox', { name: 'API key' })
  }

  get requests(): Locator {
    return this.region.getByRole('table', { name: 'Recent requests' })
  }

  get snippets(): Locator {
    return this.region.getByRole('region', { name: 'Snippets' })
  }

  /** Opens the panel from its sidebar entry, below the app list. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Local API', exact: true }).click()
    await expect(this.region.getByRole('heading', { level: 1, name: 'Local API' })).toBeVisible()
  }

  /** Turns the API on at `port` (0 = any free port); returns the address it listens on. */
  async enable(port: number): Promise<string> {
    await this.port.fill(String(port))
    await this.switch.click()
    await expect(this.switch).toBeChecked()
    const status = this.region.getByText(/^Listening on http:\/\/127\.0\.0\.1:\d+/)
    await expect(status).toBeVisible()
    const match = /http:\/\/127\.0\.0\.1:\d+/.exec((await status.textContent()) ?? '')
    if (!match) throw new Error('the panel printed no address')
    return match[0]
  }

  /** Copies one snippet (with the real key, as Copy does). */
  async copySnippet(title: string): Promise<void> {
    await this.snippets.getByRole('tab', { name: title, exact: true }).click()
    await this.snippets
      .getByRole('tabpanel', { name: title })
      .getByRole('button', { name: 'Copy snippet' })
      .click()
    await expect(this.region.getByRole('status')).toContainText(`${title} copied with the real key.`)
  }
}
