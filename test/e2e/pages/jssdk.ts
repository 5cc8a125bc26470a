import { expect, type Locator, type Page } from '@playwright/test'

/** The four values a page passes to wx.config, as typed into the calculator. */
export interface SignInputs {
  url: string
  nonceStr?: string
  timestamp?: string
  ticket?: string
}

/** The JS-SDK workbench as a user sees it (English UI), by role and label. */
export class JssdkWorkbench {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'JS-SDK workbench' })
  }

  get calculator(): Locator {
    return this.region.getByRole('form', { name: '1 · Signature calculator' })
  }

  get diagnosis(): Locator {
    return this.region.getByRole('form', { name: /Why does my page say/ })
  }

  get ticketValue(): Locator {
    return this.region.getByRole('textbox', { name: 'Ticket', exact: true })
  }

  /** The calculator's section: its form and what it answered. */
  get calculatorSection(): Locator {
    return this.region.getByRole('region', { name: '1 · Signature calculator' })
  }

  /** The SHA-1 the calculator shows. */
  get signature(): Locator {
    return this.calculatorSection.getByRole('status').filter({ hasText: /^[0-9a-f]{40}$/ })
  }

  /** The string the calculator signed. */
  get signedString(): Locator {
    return this.calculatorSection.locator('code').filter({ hasText: /^jsapi_ticket=/ })
  }

  get snippet(): Locator {
    return this.calculatorSection.locator('pre')
  }

  get verdict(): Locator {
    return this.region.getByRole('region', { name: 'Verdict' })
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'JS-SDK' }).click()
    await expect(this.calculator).toBeVisible()
  }

  async fill(inputs: SignInputs): Promise<void> {
    await this.calculator.getByLabel('Page URL').fill(inputs.url)
    if (inputs.nonceStr !== undefined) await this.calculator.getByLabel('nonceStr').fill(inputs.nonceStr)
    if (inputs.timestamp !== undefined) await this.calculator.getByLabel('timestamp').fill(inputs.timestamp)
    if (inputs.ticket !== undefined)
      await this.calculator.getByLabel(/^Ticket to sign with/).fill(inputs.ticket)
  }
}
