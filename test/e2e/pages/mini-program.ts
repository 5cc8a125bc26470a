import { expect, type Locator, type Page } from '@playwright/test'

/** Mini Program login as a user sees it (English UI), by role and label. */
export class MiniProgramLogin {
  readonly region: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Mini Program login', exact: true })
  }

  get loginForm(): Locator {
    return this.region.getByRole('form', { name: /wx\.login → jscode2session/ })
  }

  get phoneForm(): Locator {
    return this.region.getByRole('form', { name: /getPhoneNumber → getuserphonenumber/ })
  }

  get session(): Locator {
    return this.region.getByLabel('Session', { exact: true })
  }

  get phone(): Locator {
    return this.region.getByLabel('Phone number', { exact: true })
  }

  /** The value next to `term` in a result list. */
  fact(list: Locator, term: string): Locator {
    return list.locator(`dt:text-is("${term}") + dd`)
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Mini Program login' }).click()
    await expect(this.loginForm).toBeVisible()
  }
}
