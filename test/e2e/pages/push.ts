import { expect, type Locator, type Page } from '@playwright/test'

/** What the 服务器配置 form is filled with; fields left out stay as they are. */
export interface ServerConfig {
  url?: string
  token?: string
  mode?: 'Plain text (明文模式)' | 'Compatible (兼容模式)' | 'Safe (安全模式)'
}

/** The push simulator as a user sees it (English UI), by role and label. */
export class PushSimulator {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Push simulator (消息推送调试)' })
  }

  get result(): Locator {
    return this.region.getByRole('region', { name: 'Result' })
  }

  /** The result's heading names what it is about, e.g. `3 · Result · Text message`. */
  get resultHeading(): Locator {
    return this.result.getByRole('heading', { level: 3 })
  }

  get phone(): Locator {
    return this.result.getByRole('figure', { name: 'Phone preview' })
  }

  get history(): Locator {
    return this.region.getByRole('table', { name: 'Push history' })
  }

  get body(): Locator {
    return this.region.getByLabel('Raw body')
  }

  /** The simulator has its own tab in the app's workspace. */
  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Push (消息推送)' }).click()
    await expect(this.region.getByLabel('URL', { exact: true })).toBeVisible()
  }

  async configure(config: ServerConfig): Promise<void> {
    if (config.url !== undefined) await this.region.getByLabel('URL', { exact: true }).fill(config.url)
    if (config.token !== undefined) await this.region.getByLabel('Token', { exact: true }).fill(config.token)
    if (config.mode) await this.region.getByLabel('Message mode').selectOption({ label: config.mode })
  }

  async save(): Promise<void> {
    await this.region.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(this.region.getByText('Configuration saved.')).toBeVisible()
  }

  /** 随机生成, then Copy: the new EncodingAESKey lands on the clipboard (main's), never in the page. */
  async generateAndCopyAesKey(): Promise<void> {
    await this.region.getByRole('button', { name: 'Generate' }).click()
    await expect(this.region.getByText(/New EncodingAESKey generated and saved/)).toBeVisible()
    await this.region.getByRole('button', { name: 'Copy EncodingAESKey' }).click()
    await expect(this.region.getByText('EncodingAESKey copied.')).toBeVisible()
  }

  async verify(): Promise<void> {
    await this.region.getByRole('button', { name: 'Verify URL' }).click()
  }

  async chooseTemplate(label: string): Promise<void> {
    await this.region.getByLabel('Message or event', { exact: true }).selectOption({ label })
  }

  /** Fills a template field, e.g. `Content`, and waits for the raw body to follow it. */
  async fillField(name: string, value: string): Promise<void> {
    await this.region.getByLabel(new RegExp(`\\(${name}\\)$`)).fill(value)
    await expect(this.body).toHaveValue(new RegExp(escape(value)))
  }

  async send(): Promise<void> {
    await this.region.getByRole('button', { name: 'Send', exact: true }).click()
  }

  /** Waits for the result of the latest verification or push and says whether WeChat accepts it. */
  async verdict(): Promise<'Accepted' | 'Refused'> {
    const badge = this.result.getByText(/^(Accepted|Refused)$/)
    await expect(badge).toBeVisible()
    return (await badge.textContent()) === 'Accepted' ? 'Accepted' : 'Refused'
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
