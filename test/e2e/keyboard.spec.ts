import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'
import { OAuthWorkbench } from './pages/oauth'

// Shortcuts that cannot hurt, focus that stays where the user is, and the whole first run without a mouse
// (issue 12, items 2 and 5, and the keyboard-only journey).

test('Ctrl+R on the OAuth tab does nothing to the token (and never reloads the window)', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  await ui.fetch()
  const held = desk.services.tokens.current('sandbox')
  const calls = desk.services.callLog.list('sandbox').length
  await new OAuthWorkbench(desk.page).open()
  await desk.page.getByLabel('Redirect URI').fill('http://127.0.0.1:8080/kept')

  await desk.page.keyboard.press('Control+r')
  await desk.page.keyboard.press('Control+Shift+C')

  expect(desk.services.callLog.list('sandbox')).toHaveLength(calls)
  expect(desk.services.tokens.current('sandbox')).toBe(held)
  expect(desk.clipboard.writes).toEqual([])
  // Not reloaded: what was typed is still there.
  await expect(desk.page.getByLabel('Redirect URI')).toHaveValue('http://127.0.0.1:8080/kept')
})

test('Ctrl+R on a classic app asks as the button does before minting; Cancel mints nothing', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await desk.page.getByRole('button', { name: 'Edit app' }).click()
  const dialog = desk.page.getByRole('dialog', { name: 'Edit app' })
  await dialog.getByLabel('Token mode', { exact: true }).selectOption({ label: 'Classic' })
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const appId = desk.services.profiles.credentials('sandbox').appId

  await ui.button('Copy as curl').focus() // any focus in the panel: the shortcut is the panel's
  await desk.page.keyboard.press('Control+r')
  const confirm = desk.page.getByRole('alertdialog', { name: /Mint a new classic token for/ })
  await expect(confirm).toContainText('dies within 5 minutes')
  await desk.page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  expect(desk.services.sandbox!.emulator.stats(appId).classic).toBe(0)

  await desk.page.keyboard.press('Control+r')
  await confirm.getByRole('button', { name: 'Confirm' }).click()
  await expect(ui.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
  expect(desk.services.sandbox!.emulator.stats(appId).classic).toBe(1)
})

test('Esc closes the shortcuts popover and puts focus back on its toggle', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  const toggle = ui.tokenPanel.getByText('Keyboard shortcuts', { exact: true })
  await toggle.click()
  const list = ui.tokenPanel.getByLabel('Keyboard shortcuts')
  await expect(list).toBeVisible()
  await expect(list).toContainText('Ctrl/⌘ + Enter')
  await desk.page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(toggle).toBeFocused()
})

test('focus stays on Fetch after Enter, and Ctrl+Enter sends the form being filled in', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  await ui.button('Fetch').focus()
  await desk.page.keyboard.press('Enter')
  await expect(ui.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
  await expect(ui.button('Fetch')).toBeFocused()

  const oauth = new OAuthWorkbench(desk.page)
  await oauth.open()
  await oauth.redirectUri.fill('http://127.0.0.1:8080/oauth/callback')
  await desk.page.keyboard.press('Control+Enter')
  await expect(oauth.link).toHaveValue(/#wechat_redirect$/)
  await expect(oauth.redirectUri).toBeFocused()
})

test('keyboard only: first run → fetch → copy the token → the OAuth tab → build a link', async ({ desk }) => {
  const { page } = desk
  const ui = new DeskPage(page)
  const keys = page.keyboard
  await expect(page.getByRole('heading', { level: 1, name: /Sandbox/ })).toBeVisible()

  // The first Tab stop skips to the main action: Fetch.
  await keys.press('Tab')
  await expect(page.getByRole('button', { name: 'Skip to the main action' })).toBeFocused()
  await keys.press('Enter')
  await expect(ui.button('Fetch')).toBeFocused()
  await keys.press('Enter')
  await expect(ui.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()

  // Copy token is a few Tabs along the toolbar (Refresh, Force refresh are unavailable-but-focusable stops).
  for (
    let i = 0;
    i < 8 && !(await ui.button('Copy token').evaluate((b) => b === document.activeElement));
    i++
  ) {
    await keys.press('Tab')
  }
  await expect(ui.button('Copy token')).toBeFocused()
  await keys.press('Enter')
  await expect(ui.tokenPanel.getByRole('status')).toHaveText('Copied')
  expect(desk.clipboard.text).toBe(desk.services.tokens.current('sandbox')?.value)

  // Back to the tabs with Shift+Tab, then the arrow key opens the OAuth tab.
  for (
    let i = 0;
    i < 20 && !(await page.getByRole('tab', { name: 'Token' }).evaluate((t) => t === document.activeElement));
    i++
  ) {
    await keys.press('Shift+Tab')
  }
  await expect(page.getByRole('tab', { name: 'Token' })).toBeFocused()
  await keys.press('ArrowRight')
  const oauth = new OAuthWorkbench(page)
  await expect(oauth.region).toBeVisible()

  // Into the tab's panel: the redirect URI is its first field after the domains row.
  for (let i = 0; i < 5 && !(await oauth.redirectUri.evaluate((e) => e === document.activeElement)); i++) {
    await keys.press('Tab')
  }
  await expect(oauth.redirectUri).toBeFocused()
  await keys.type('http://127.0.0.1:8080/oauth/callback')
  await keys.press('Enter')
  await expect(oauth.link).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/connect\/oauth2\/authorize\?appid=wx/)
  await expect(oauth.notice).toContainText('Link built with state')
})
