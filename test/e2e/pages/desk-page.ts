import { expect, type Locator, type Page } from '@playwright/test'

export interface NewApp {
  name: string
  appId: string
  secret: string
  kind?: 'Official Account' | 'Mini Program' | 'Test account'
  env?: 'dev' | 'test' | 'prod'
  mode?: 'Stable (recommended)' | 'Classic'
  apiBase?: string
}

/** Page object for the token desk: flows read like what a user does. */
export class DeskPage {
  constructor(readonly page: Page) {}

  get tokenPanel(): Locator {
    return this.page.getByRole('region', { name: 'Token' })
  }

  get tokenValue(): Locator {
    return this.tokenPanel.getByRole('textbox', { name: 'Token value' })
  }

  button(name: string): Locator {
    return this.tokenPanel.getByRole('button', { name, exact: true })
  }

  /** The value next to `name` in the token's details. */
  fact(name: string): Locator {
    return this.tokenPanel
      .getByLabel('Token details')
      .locator('div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) })
      .getByRole('definition')
  }

  /** Shown while the desk waits for WeChat. */
  get waiting(): Locator {
    return this.tokenPanel.getByRole('progressbar', { name: 'Waiting for WeChat' })
  }

  get callout(): Locator {
    return this.tokenPanel.getByRole('alert').filter({ has: this.page.locator('.callout-message') })
  }

  async selectApp(name: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Apps' }).getByRole('button', { name }).click()
  }

  async fetch(): Promise<void> {
    await this.button('Fetch').click()
    await expect(this.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
  }

  /** Opens the Export menu and picks one of its items. */
  async exportAs(item: string): Promise<void> {
    await this.tokenPanel.getByText('Export ▾').click()
    await this.tokenPanel.getByRole('button', { name: item, exact: true }).click()
  }

  async openAddApp(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add app' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Add app' })
    await expect(dialog).toBeVisible()
    return dialog
  }

  async fillApp(dialog: Locator, app: NewApp): Promise<void> {
    await dialog.getByLabel('Name', { exact: true }).fill(app.name)
    await dialog.getByLabel('AppID', { exact: true }).fill(app.appId)
    await dialog.getByLabel('AppSecret', { exact: true }).fill(app.secret)
    if (app.kind) await dialog.getByLabel('Kind', { exact: true }).selectOption({ label: app.kind })
    if (app.env) await dialog.getByLabel('Environment', { exact: true }).selectOption({ label: app.env })
    if (app.mode) await dialog.getByLabel('Token mode', { exact: true }).selectOption({ label: app.mode })
    if (app.apiBase) await dialog.getByLabel('API base URL', { exact: true }).fill(app.apiBase)
  }

  async addApp(app: NewApp): Promise<void> {
    const dialog = await this.openAddApp()
    await this.fillApp(dialog, app)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(this.page.getByRole('heading', { level: 1, name: app.name })).toBeVisible()
  }

  async injectFault(label: RegExp): Promise<void> {
    const emulator = this.page.getByRole('region', { name: 'Emulator' })
    await emulator
      .getByLabel('Fault')
      .selectOption({ label: (await this.optionLabel(emulator, label)) ?? '' })
    await emulator.getByRole('button', { name: 'Inject fault' }).click()
    await expect(emulator.getByRole('list', { name: 'Pending faults' })).toContainText(label)
  }

  private async optionLabel(scope: Locator, label: RegExp): Promise<string | undefined> {
    const labels = await scope.getByLabel('Fault').locator('option').allTextContents()
    return labels.find((l) => label.test(l))
  }
}
