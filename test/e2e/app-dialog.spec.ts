import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

// The app form and the app header (issue 12, items 8 and 9).

test.use({ viewport: { width: 1280, height: 800 } })

test('at 1280×800 with every error showing, the title and Save stay on screen', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  const dialog = await ui.openAddApp()
  await dialog.getByLabel('Token mode', { exact: true }).selectOption({ label: 'Remote (another 中控)' })
  await dialog.getByLabel('Name', { exact: true }).fill(' ')
  await dialog.getByLabel('AppID', { exact: true }).fill('xx12345678ZZabcdef!')
  await dialog.getByLabel('AppSecret', { exact: true }).fill('not a secret')
  await dialog.getByLabel('Token server URL', { exact: true }).fill('ftp://example.com')
  await dialog.getByLabel('API base URL', { exact: true }).fill('http://example.com')
  await dialog.getByLabel('OAuth callback domains', { exact: true }).fill('a.example b.example c.example')
  await dialog.getByRole('button', { name: 'Save' }).click()

  await expect(dialog.locator('.field-issue')).not.toHaveCount(0)
  expect(await dialog.locator('.field-issue').count()).toBeGreaterThanOrEqual(5)
  await expect(dialog.getByRole('heading', { name: 'Add app' })).toBeInViewport()
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeInViewport()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport()
  // The form scrolls between them, not the title and the buttons with it.
  await dialog.getByLabel('OAuth callback domains', { exact: true }).scrollIntoViewIfNeeded()
  await expect(dialog.getByRole('heading', { name: 'Add app' })).toBeInViewport()
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeInViewport()
})

test('a pasted “WX…” AppID and upper-case secret are normalised, said so, and saved; the secret can be shown', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  const dialog = await ui.openAddApp()
  await dialog.getByLabel('Name', { exact: true }).fill('Shop')
  const appId = dialog.getByLabel('AppID', { exact: true })
  await appId.fill('WX1234567890ABCDEF ')
  await appId.blur()
  await expect(appId).toHaveValue('wx1234567890abcdef')
  await expect(
    dialog.getByText(/^Adjusted: spaces removed; “wx” in lower case; hex digits in lower case/)
  ).toBeVisible()

  const secret = dialog.getByLabel('AppSecret', { exact: true })
  await secret.fill('5F3C9A1E7B2D4C6F8A0B1C2D3E4F5A6B')
  await expect(secret).toHaveAttribute('type', 'password')
  await dialog.getByRole('button', { name: 'Show AppSecret' }).click()
  await expect(secret).toHaveAttribute('type', 'text')
  await dialog.getByRole('button', { name: 'Hide AppSecret' }).click()
  await expect(secret).toHaveAttribute('type', 'password')

  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const saved = desk.services.profiles.list().find((app) => app.name === 'Shop')
  expect(saved?.appId).toBe('wx1234567890abcdef')
  expect(desk.services.profiles.credentials(saved?.id ?? '').secret).toBe('5f3c9a1e7b2d4c6f8a0b1c2d3e4f5a6b')
})

test('the sandbox offers no Delete, and says why where the button would be', async ({ desk }) => {
  await expect(desk.page.getByRole('heading', { level: 1, name: /Sandbox/ })).toBeVisible()
  await expect(desk.page.getByRole('button', { name: 'Delete app' })).toHaveCount(0)
  await expect(desk.page.getByText('Built in: the sandbox cannot be deleted')).toBeVisible()
})
