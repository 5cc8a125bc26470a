import { expect, type Locator, type Page } from '@playwright/test'

/** The OAuth workbench as a user sees it (English UI), by role and label. */
export class OAuthWorkbench {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'OAuth workbench (网页授权)' })
  }

  get redirectUri(): Locator {
    return this.region.getByLabel('Redirect URI')
  }

  get state(): Locator {
    return this.region.getByRole('textbox', { name: 'State', exact: true })
  }

  get link(): Locator {
    return this.region.getByRole('textbox', { name: 'Authorize link' })
  }

  get qrCode(): Locator {
    return this.region.getByRole('img', { name: /QR code of the authorize link/ })
  }

  /** The value next to `name` in the Authorization facts. */
  fact(name: string): Locator {
    return this.factIn(this.region.getByLabel('Authorization', { exact: true }), name)
  }

  /** The value next to `name` in the user-info facts. */
  userInfo(name: string): Locator {
    return this.factIn(this.region.getByLabel(/^User info/), name)
  }

  private factIn(list: Locator, name: string): Locator {
    return list
      .locator('div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }) })
      .getByRole('definition')
  }

  /** The workbench has its own tab in the app's workspace (Token is shown first). */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'OAuth (网页授权)' }).click()
    await expect(this.region).toBeVisible()
  }

  /** Starts the callback catcher on 127.0.0.1, any free port; returns the address it prints. */
  async startCatcher(): Promise<string> {
    await this.region.getByLabel('Listen on address').selectOption('127.0.0.1')
    await this.region.getByLabel('Port', { exact: true }).fill('0')
    await this.region.getByRole('button', { name: 'Start catcher' }).click()
    const status = this.region.getByText(/^Listening on http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/)
    await expect(status).toBeVisible()
    const match = /http:\/\/127\.0\.0\.1:\d+\/oauth\/callback/.exec((await status.textContent()) ?? '')
    if (!match) throw new Error('the catcher printed no address')
    return match[0]
  }

  async chooseScope(scope: 'snsapi_base' | 'snsapi_userinfo' | 'snsapi_login'): Promise<void> {
    await this.region.getByLabel('Scope').selectOption(scope)
  }

  /** What the workbench last said it did (a live region in its header). */
  get notice(): Locator {
    return this.region.locator('.oauth-notice')
  }

  /** Presses “Build link” and returns the link the desk built (a new one: every link has its own state). */
  async buildLink(): Promise<string> {
    const before = (await this.link.count()) > 0 ? await this.link.inputValue() : null
    await this.region.getByRole('button', { name: 'Build link' }).click()
    await expect(this.link).toHaveValue(/#wechat_redirect$/)
    if (before !== null) await expect(this.link).not.toHaveValue(before)
    return this.link.inputValue()
  }

  async paste(text: string): Promise<void> {
    await this.region.getByLabel('Paste the code or the redirect URL').fill(text)
  }

  async exchange(): Promise<void> {
    await this.region.getByRole('button', { name: 'Exchange' }).click()
  }

  async getUserInfo(): Promise<void> {
    await this.region.getByRole('button', { name: 'Get user info' }).click()
  }
}

/** The phone: opens the authorize link, picks a sandbox user on the emulator's consent page, approves. */
export async function approveOnPhone(phone: Page, link: string, user: string): Promise<void> {
  await phone.goto(link)
  await expect(phone.getByRole('heading', { name: /requests/ })).toBeVisible()
  await phone.getByRole('radio', { name: new RegExp(user) }).check()
  await phone.getByRole('button', { name: /Allow/ }).click()
}
