import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { ApiConsole } from './pages/console'
import { DeskPage } from './pages/desk-page'

// The API console on the sandbox (issue #10 §1–2), as a user drives it: compose and send, an error decoded
// and its rid looked up, a Mini Program code as an image, an upload, Cancel of a hung call, the keyboard
// alone — and the token never in the page.

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')

test('composes and sends on the sandbox; the token is added by the desk and never reaches the page', async ({
  desk
}) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.choose('callback', /callback IPs/)
  await ui.send()
  await ui.expectStatus('200')
  await expect(ui.body).toContainText('"ip_list"')
  await expect(ui.fact('URL')).toContainText('access_token=***')
  const token = desk.services.tokens.current('sandbox')?.value ?? 'no-token'
  expect(await desk.page.content()).not.toContain(token)
  expect(desk.replies.join('\n')).not.toContain(token)

  await ui.response.getByRole('tab', { name: 'Headers' }).click()
  await expect(ui.response.getByText('content-type', { exact: true })).toBeVisible()

  await ui.region.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(ui.region.getByText(/Copied: curl with \$ACCESS_TOKEN/)).toBeVisible()
  expect(desk.clipboard.text).toContain('$ACCESS_TOKEN')
  expect(desk.clipboard.text).not.toContain(token)
})

test('decodes WeChat’s error in the pane and looks its rid up', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.choose('follower', /A follower’s details/)
  await ui.setQuery('openid', 'nobody')
  await ui.send()
  const decoded = ui.response.getByRole('note', { name: 'errcode 40003' })
  await expect(decoded).toBeVisible()
  await decoded.getByRole('button', { name: /^Look up rid / }).click()
  const facts = decoded.getByRole('status').filter({ hasText: 'Client IP WeChat saw' })
  await expect(facts).toContainText('openid=nobody')
  await expect(facts).toContainText('127.0.0.1')

  await ui.response.getByRole('button', { name: 'Open in the call log' }).click()
  const sent = desk.services.callLog.list().find((entry) => entry.endpoint === '/cgi-bin/user/info')
  const row = desk.page
    .getByRole('table', { name: 'Call log' })
    .getByRole('button', { name: `Details of this call ${sent?.id ?? -1}`, exact: true })
  await expect(row).toBeFocused()
  await expect(row).toHaveAttribute('aria-expanded', 'true')
})

test('renders a Mini Program code as an image and saves it', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.choose('小程序码', /Mini Program code/)
  await ui.send()
  const image = ui.response.getByRole('img', { name: 'The image WeChat answered with' })
  await expect(image).toBeVisible()
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100)
  await ui.response.getByRole('button', { name: 'Save image' }).click()
  await expect(ui.region.getByText(/Saved to .*getwxacodeunlimit\.jpg/)).toBeVisible()
  const saved = desk.fileSaver.saved.at(-1) ?? ''
  expect(readFileSync(saved).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))
})

test('shows the image of a parametric QR code (qrcode/create, then showqrcode)', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.choose('二维码', /parametric QR code/)
  await ui.send()
  await expect(ui.body).toContainText('"ticket"')
  await ui.response.getByRole('button', { name: 'Show the QR code (showqrcode)' }).click()
  await expect(ui.response.getByRole('img', { name: 'The image WeChat answered with' })).toBeVisible()
  await expect(ui.fact('URL')).toContainText('/cgi-bin/showqrcode?ticket=***')
})

test('uploads a file picked in main as multipart (media/upload)', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.choose('media', /temporary media/)
  desk.fileOpener.choose('cat.png', PNG)
  await ui.region.getByRole('button', { name: 'Choose file for media…' }).click()
  await expect(ui.region.getByText(/cat\.png \(\d+ B\)/)).toBeVisible()
  await ui.send()
  await ui.expectStatus('200')
  await expect(ui.body).toContainText('"media_id"')
})

test('cancels a call WeChat never answers, showing the time it waited', async ({ desk }) => {
  await desk.services.tokens.ensure('sandbox')
  desk.services.sandbox?.emulator.injectFault('hang')
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.send()
  const cancel = ui.region.getByRole('button', { name: /^Cancel \(\d+\.\d s\)$/ })
  await expect(cancel).toBeVisible()
  await expect(ui.region.getByRole('button', { name: 'Send', exact: true })).toHaveAttribute(
    'aria-busy',
    'true'
  )
  await cancel.click()
  await expect(ui.response.getByText(/^Cancelled after \d+ ms/)).toBeVisible()
  await expect(cancel).toBeHidden()
})

test('works from the keyboard alone: Ctrl+Enter sends and the focus stays', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.path.focus()
  await ui.path.fill('/cgi-bin/get_api_domain_ip')
  await desk.page.keyboard.press('Control+Enter')
  await ui.expectStatus('200')
  await expect(ui.path).toBeFocused()
  await expect(ui.body).toContainText('"ip_list"')
})

test('asks before a quota reset, showing WeChat’s 10-a-month limit', async ({ desk }) => {
  const ui = new ApiConsole(desk.page)
  await ui.open()
  await ui.path.fill('/cgi-bin/message/custom/send')
  await ui.region.getByRole('button', { name: /^Quota for this path/ }).click()
  await expect(ui.region.getByText(/Daily limit \d+, used \d+, remain \d+/)).toBeVisible()
  await ui.region.getByRole('button', { name: 'clear_quota/v2 (AppSecret)…' }).click()
  const dialog = desk.page.getByRole('alertdialog', { name: 'Reset every daily quota of this account?' })
  await expect(dialog).toContainText('10 resets a month')
  await dialog.getByRole('button', { name: 'Reset the quotas' }).click()
  await ui.expectStatus('200')
  await expect(ui.body).toContainText('"errmsg": "ok"')
  const secret = desk.services.profiles.credentials('sandbox').secret ?? 'no-secret'
  expect(await desk.page.content()).not.toContain(secret)
})

test('a 45009 on a token fetch offers the reset: the console opens on clear_quota/v2 behind its confirmation', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await ui.injectFault(/quota 45009/)
  await ui.button('Fetch').click()
  await expect(ui.callout).toContainText('45009')
  await ui.callout.getByRole('button', { name: 'Reset the quota in the console…' }).click()
  const dialog = desk.page.getByRole('alertdialog', { name: 'Reset every daily quota of this account?' })
  await expect(dialog).toContainText('10 resets a month')
  await dialog.getByRole('button', { name: 'Reset the quotas' }).click()
  const apiConsole = new ApiConsole(desk.page)
  await expect(apiConsole.path).toHaveValue('/cgi-bin/clear_quota/v2')
  await apiConsole.expectStatus('200')
  await expect(apiConsole.body).toContainText('"errmsg": "ok"')
})

test('looks up the rid of an error shown outside the console (a 40164 on Test token)', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  await ui.fetch()
  desk.services.sandbox?.emulator.injectFault('ip-whitelist')
  await ui.button('Test token').click()
  await expect(ui.callout).toContainText('40164')
  await ui.callout.getByRole('button', { name: /^Look up rid / }).click()
  const facts = ui.callout.getByRole('status').filter({ hasText: 'Client IP WeChat saw' })
  await expect(facts).toContainText('access_token=***')
  await expect(facts).toContainText('invalid ip 127.0.0.1')
  // The address the 40164 named is this machine's egress address, shown beside what WeChat recorded.
  await expect(facts).toContainText(/This machine’s egress address\s*\d+\.\d+\.\d+\.\d+ \(named by WeChat/)
})
