import { expect, type Locator, type Page } from '@playwright/test'

/** The API console as a user sees it (English UI), by role and label. */
export class ApiConsole {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'API console (接口调试)' })
  }

  get path(): Locator {
    return this.region.getByLabel('Request path', { exact: true })
  }

  get response(): Locator {
    return this.region.getByRole('region', { name: 'Response' })
  }

  /** A fact of the answer (Status, Time, Size, URL). */
  fact(name: string): Locator {
    return this.response
      .locator('div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) })
      .getByRole('definition')
  }

  get body(): Locator {
    return this.response.locator('pre')
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Console (接口调试)' }).click()
    await expect(this.path).toBeVisible()
  }

  /** Finds an API in the catalogue by `search` and opens the entry titled `title`. */
  async choose(search: string, title: RegExp): Promise<void> {
    await this.region.getByRole('searchbox', { name: 'Search APIs' }).fill(search)
    await this.region
      .getByRole('navigation', { name: 'Catalogue' })
      .getByRole('button', { name: title })
      .click()
  }

  async setQuery(name: string, value: string): Promise<void> {
    await this.region.getByLabel(name, { exact: true }).fill(value)
  }

  async send(): Promise<void> {
    await this.region.getByRole('button', { name: 'Send', exact: true }).click()
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.fact('Status')).toHaveText(status)
  }
}
