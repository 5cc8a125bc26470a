import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { serveDirectory } from '../support/static-server'
import { test, expect } from './fixtures'
import { DeskPage } from './pages/desk-page'

const SECRET = '5f3c9a1e7b2d4c6f8a0b1c2d3e4f5a6b'

test.describe('token desk, end to end on the sandbox', () => {
  test('first run: the sandbox is selected, Fetch shows a token, Copy token puts it on the clipboard', async ({
    desk
  }, testInfo) => {
    const ui = new DeskPage(desk.page)
    await expect(desk.page.getByRole('heading', { level: 1, name: /Sandbox/ })).toBeVisible()
    await ui.fetch()

    const held = desk.services.tokens.current('sandbox')
    expect(held).not.toBeNull()
    // Masked until revealed: the panel shows the start and the end, never the whole token.
    await expect(ui.tokenValue).toHaveValue(/••/)
    await expect(ui.tokenValue).not.toHaveValue(held!.value)

    await ui.button('Copy token').click()
    await expect(ui.tokenPanel.getByRole('status')).toContainText('Copied')
    expect(desk.clipboard.text).toBe(held!.value)
    expect(desk.services.sandbox!.emulator.tokenState(desk.clipboard.text!)).toBe('valid')

    await ui.button('Reveal').click()
    await expect(ui.tokenValue).toHaveValue(held!.value)

    await ui.button('Copy as curl').click()
    await expect.poll(() => desk.clipboard.text).toContain('/cgi-bin/getcallbackip?access_token=')

    await ui.button('Test token').click()
    await expect(ui.tokenPanel.getByRole('status')).toContainText('Token works')

    await ui.exportAs('Postman environment (this token, one-shot)')
    await expect(ui.tokenPanel.getByRole('status')).toContainText('Saved to')
    const saved = JSON.parse(await readFile(desk.fileSaver.saved[0]!, 'utf8')) as {
      values: { key: string; value: string; type: string }[]
    }
    expect(saved.values.find((v) => v.key === 'access_token')).toEqual({
      key: 'access_token',
      value: held!.value,
      type: 'secret',
      enabled: true
    })

    const log = desk.page.getByRole('table', { name: 'Call log' })
    await expect(log).toContainText('/cgi-bin/stable_token')
    await expect(log).toContainText('/cgi-bin/getcallbackip')

    await ui.button('Hide').click()
    await testInfo.attach('token desk', { body: await desk.page.screenshot(), contentType: 'image/png' })
  })

  test('adding an app with a bad AppID shows exactly what is wrong and keeps what was typed', async ({
    desk
  }) => {
    const ui = new DeskPage(desk.page)
    const dialog = await ui.openAddApp()
    await ui.fillApp(dialog, { name: 'My OA', appId: 'wx12345678ZZabcdef', secret: SECRET })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog.getByRole('alert')).toContainText('character 11 "Z" is not a hex digit')
    await expect(dialog.getByLabel('AppID', { exact: true })).toHaveValue('wx12345678ZZabcdef')
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('My OA')

    await dialog.getByLabel('AppID', { exact: true }).fill('wx1234567890abcdef')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
    await expect(desk.page.getByRole('heading', { level: 1, name: 'My OA' })).toBeVisible()
  })

  test('a fault during a force refresh shows the decoded callout while the old token stays', async ({
    desk
  }) => {
    const ui = new DeskPage(desk.page)
    await ui.fetch()
    const before = await ui.tokenValue.inputValue()
    await ui.injectFault(/40164/)
    // Refresh would hand the young token back (the governor); a force refresh always asks WeChat.
    await ui.button('Force refresh').click()

    const callout = ui.tokenPanel.getByRole('alert')
    await expect(callout).toContainText('40164')
    await expect(callout).toContainText('127.0.0.1') // the IP to whitelist, read from the errmsg
    await expect(ui.tokenValue).toHaveValue(before)
    expect(desk.services.tokens.current('sandbox')).not.toBeNull()
  })

  test('the AppSecret never reaches the page: not in the DOM, not in any IPC reply, not in the call log', async ({
    desk
  }) => {
    const ui = new DeskPage(desk.page)
    await ui.addApp({
      name: 'Secret keeper',
      appId: 'wx1234567890abcdef',
      secret: SECRET,
      mode: 'Classic',
      apiBase: desk.services.sandbox!.emulator.url
    })
    // The emulator does not know this AppID: the error path runs too.
    await ui.button('Fetch').click()
    await expect(ui.tokenPanel.getByRole('alert')).toContainText('40013')
    // The callout offers the fix where it is: 40013 is fixed in the app's profile.
    await ui.tokenPanel.getByRole('alert').getByRole('button', { name: 'Edit app' }).click()
    await expect(desk.page.getByRole('dialog', { name: 'Edit app' })).toBeVisible()
    await desk.page.keyboard.press('Escape')

    expect(await desk.page.content()).not.toContain(SECRET)
    expect(desk.replies.length).toBeGreaterThan(5)
    for (const reply of desk.replies) expect(reply).not.toContain(SECRET)
    expect(JSON.stringify(desk.services.callLog.list())).not.toContain(SECRET)
  })

  test('a prod classic app asks before minting a token', async ({ desk }) => {
    const ui = new DeskPage(desk.page)
    await desk.page.getByRole('button', { name: 'Edit app' }).click()
    const dialog = desk.page.getByRole('dialog', { name: 'Edit app' })
    await dialog.getByLabel('Environment', { exact: true }).selectOption({ label: 'prod' })
    await dialog.getByLabel('Token mode', { exact: true }).selectOption({ label: 'Classic' })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()

    await ui.button('Fetch').click()
    const confirm = desk.page.getByRole('alertdialog')
    await expect(confirm).toContainText('dies within 5 minutes')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    expect(
      desk.services.sandbox!.emulator.stats(desk.services.profiles.credentials('sandbox').appId).classic
    ).toBe(0)

    await ui.button('Fetch').click()
    await desk.page.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click()
    await expect(ui.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
    expect(
      desk.services.sandbox!.emulator.stats(desk.services.profiles.credentials('sandbox').appId).classic
    ).toBe(1)
  })

  test('switches to Chinese and keeps working', async ({ desk }) => {
    await desk.page.getByLabel('Language').selectOption('zh-CN')
    await expect(desk.page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await desk.page
      .getByRole('region', { name: 'access_token' })
      .getByRole('button', { name: '获取', exact: true })
      .click()
    await expect(desk.page.getByRole('progressbar')).toBeVisible()
    expect(desk.services.preferences.get().language).toBe('zh-CN')
  })
})

test.describe('without a system keychain', () => {
  test.use({ deskOptions: { encryption: false } })

  test('says secrets are kept for this session only', async ({ desk }) => {
    await expect(desk.page.getByText('kept for this session only').first()).toBeVisible()
  })
})

test('opened in a plain browser (no preload), the page says where it runs instead of crashing', async ({
  page
}) => {
  const server = await serveDirectory(resolve('out/renderer'))
  try {
    await page.goto(server.url)
    await expect(page.getByRole('alert')).toContainText('only works inside the desktop app')
  } finally {
    await server.close()
  }
})
