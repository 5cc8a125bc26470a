import { createHash } from 'node:crypto'
import { expect, test } from './fixtures'
import { JssdkWorkbench } from './pages/jssdk'

// JS-SDK (issue 10 §3): the shared jsapi_ticket, the wx.config signature calculator and "why does my page say
// invalid signature?", on the sandbox.

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')
const VECTOR = {
  url: 'http://mp.weixin.qq.com?params=value',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: '1414587457',
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
}

test('reproduces the documented test vector, signed with Ctrl+Enter where the focus is', async ({ desk }) => {
  const jssdk = new JssdkWorkbench(desk.page)
  await jssdk.open()
  await jssdk.fill(VECTOR)
  const ticketField = jssdk.calculator.getByLabel(/^Ticket to sign with/)
  await ticketField.press('Control+Enter')
  await expect(jssdk.signature).toHaveText('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  await expect(jssdk.signedString).toHaveText(
    `jsapi_ticket=${VECTOR.ticket}&noncestr=${VECTOR.nonceStr}&timestamp=${VECTOR.timestamp}&url=${VECTOR.url}`
  )
  await expect(jssdk.snippet).toContainText('signature: "0f9de62fce790f9a083d5c99e95740ceb90c27ed"')
  await expect(jssdk.snippet).toContainText('timestamp: 1414587457,')
  await expect(ticketField).toBeFocused()
  await expect(jssdk.calculatorSection).toContainText('Signed with the ticket you typed.')
})

test('signs with the app’s shared ticket: fragment stripped and said, the ticket masked until revealed', async ({
  desk
}) => {
  const jssdk = new JssdkWorkbench(desk.page)
  await jssdk.open()
  await expect(jssdk.ticketValue).toHaveValue('')
  await jssdk.fill({
    url: 'https://127.0.0.1/pay?order=1#/step/2',
    nonceStr: 'abc123XYZ',
    timestamp: '1700000000'
  })
  await jssdk.calculator.getByRole('button', { name: 'Sign' }).click()
  await expect(jssdk.calculatorSection).toContainText(
    'is not signed: the desk signs https://127.0.0.1/pay?order=1'
  )
  const { ticket } = desk.services.jssdk.revealTicket('sandbox')
  const real = `jsapi_ticket=${ticket}&noncestr=abc123XYZ&timestamp=1700000000&url=https://127.0.0.1/pay?order=1`
  await expect(jssdk.signature).toHaveText(sha1(real))
  await expect(jssdk.region.getByRole('timer')).toContainText(/expires in 1:59:\d\d|expires in 2:00:00/)
  expect(await desk.page.content()).not.toContain(ticket)

  await jssdk.region.getByRole('button', { name: 'Reveal' }).click()
  await expect(jssdk.ticketValue).toHaveValue(ticket)
  await jssdk.region.getByRole('button', { name: 'Hide' }).click()
  await expect(jssdk.ticketValue).not.toHaveValue(ticket)
  await jssdk.calculator.getByLabel('Show the ticket in the signed string').check()
  await jssdk.calculator.getByRole('button', { name: 'Sign' }).click()
  await expect(jssdk.signedString).toHaveText(real)
})

test('says why a page’s signature is invalid: the URL was signed with its fragment', async ({ desk }) => {
  const jssdk = new JssdkWorkbench(desk.page)
  await jssdk.open()
  await jssdk.region.getByRole('button', { name: 'Get ticket' }).click()
  await expect(jssdk.region.getByRole('timer')).toBeVisible()
  const { ticket } = desk.services.jssdk.revealTicket('sandbox')
  const page = 'https://127.0.0.1/pay?order=1#/step/2'
  const form = jssdk.diagnosis
  await form.getByLabel('location.href on the page').fill(page)
  await form.getByLabel('nonceStr passed to wx.config').fill('n0nce')
  await form.getByLabel('timestamp passed to wx.config').fill('1700000000')
  const signature = sha1(`jsapi_ticket=${ticket}&noncestr=n0nce&timestamp=1700000000&url=${page}`)
  await form.getByLabel('signature passed to wx.config').fill(signature)
  await form.getByLabel('signature passed to wx.config').press('Control+Enter')
  await expect(jssdk.verdict).toContainText('The URL was signed with its #fragment')
  await expect(jssdk.verdict).toContainText("location.href.split('#')[0]")
  await expect(form.getByLabel('signature passed to wx.config')).toBeFocused()
  expect(await desk.page.content()).not.toContain(ticket)

  await form.getByLabel('signature passed to wx.config').fill('not-a-signature')
  await form.getByRole('button', { name: 'Diagnose' }).click()
  await expect(form.getByText('A signature is 40 hexadecimal characters')).toBeVisible()
})

test('the app’s JS接口安全域名 are kept in the profile and checked against the page', async ({ desk }) => {
  const { page } = desk
  await page.getByRole('button', { name: 'Edit app' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit app' })
  const field = dialog.getByLabel('JS-SDK domains (JS接口安全域名)')
  await field.fill('a.example.com b.example.com c.example.com d.example.com e.example.com f.example.com')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText('WeChat takes at most 5 JS接口安全域名')).toBeVisible()
  await field.fill('www.example.com')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()

  const jssdk = new JssdkWorkbench(page)
  await jssdk.open()
  await expect(jssdk.region).toContainText('www.example.com')
  await jssdk.fill({ url: 'https://pay.example.com/checkout' })
  await jssdk.calculator.getByRole('button', { name: 'Sign' }).click()
  await expect(jssdk.calculatorSection).toContainText(
    'pay.example.com is not one of this app’s JS接口安全域名'
  )
})
