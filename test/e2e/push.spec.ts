import { expect, test } from './fixtures'
import { PushSimulator } from './pages/push'
import { startWebotReceiver, type Receiver } from '../support/push-receivers'

// The push simulator end to end: the desk plays WeChat, a server written with node-webot's `wechat`
// middleware on 127.0.0.1 plays the developer's handler, and the page shows what WeChat would make of it.

const TOKEN = 'e2eDeskToken42'
/** The sandbox profile's AppID: what the desk seals into encrypted messages. */
const SANDBOX_APPID = 'wx5e1d0c7a3b9f2468'

let receiver: Receiver | null = null
test.afterEach(async () => {
  await receiver?.close()
  receiver = null
})

test('configure, verify, send a text and see the reply on the phone; the Token never reaches the page', async ({
  desk
}) => {
  receiver = await startWebotReceiver({ token: TOKEN })
  const push = new PushSimulator(desk.page)
  await push.open()

  await push.configure({ url: receiver.url, token: TOKEN })
  await push.verify()
  await expect(push.resultHeading).toContainText('URL verification')
  expect(await push.verdict()).toBe('Accepted')
  await expect(push.region.getByText('Saved: ••••••••en42. Leave empty to keep it.')).toBeVisible()

  await push.chooseTemplate('Text message')
  await push.fillField('Content', 'hello from the desk')
  await push.send()
  await expect(push.resultHeading).toContainText('Text message')
  expect(await push.verdict()).toBe('Accepted')
  await expect(push.phone.getByText('hello from the desk', { exact: true })).toBeVisible()
  await expect(push.phone.getByText('echo: hello from the desk')).toBeVisible()
  expect(receiver.received.at(-1)).toMatchObject({ MsgType: 'text', Content: 'hello from the desk' })

  await expect(push.history.getByRole('row')).toHaveCount(3)
  await push.result.getByRole('button', { name: 'Copy as curl' }).click()
  await expect(push.region.getByText('curl copied.')).toBeVisible()
  expect(desk.clipboard.text).toMatch(/^curl -sS -i --max-time 5 -X POST '.*[?&]signature=[0-9a-f]{40}/)

  // Ctrl+Enter in the composer sends again: a fresh MsgId each time the body is composed.
  await push.fillField('Content', 'and again')
  await push.body.press('Control+Enter')
  await expect(push.phone.getByText('echo: and again')).toBeVisible()
  await expect(push.history.getByRole('row')).toHaveCount(4)

  expect(desk.replies.some((reply) => reply.includes(TOKEN))).toBe(false)
})

test('safe mode: a generated EncodingAESKey, pasted into the server, carries the push encrypted both ways', async ({
  desk
}) => {
  const push = new PushSimulator(desk.page)
  await push.open()
  await push.generateAndCopyAesKey()
  const key = desk.clipboard.text ?? ''
  expect(key).toMatch(/^[A-Za-z0-9]{43}$/)
  receiver = await startWebotReceiver({ token: TOKEN, aes: { encodingAESKey: key, appid: SANDBOX_APPID } })

  await push.configure({ url: receiver.url, token: TOKEN, mode: 'Safe (安全模式)' })
  await push.chooseTemplate('Text message')
  await push.fillField('Content', 'sealed hello')
  // Send saves the unsaved configuration first.
  await push.send()
  await expect(push.resultHeading).toContainText('Text message')
  expect(await push.verdict()).toBe('Accepted')
  await expect(push.phone.getByText('echo: sealed hello')).toBeVisible()

  expect(receiver.requests.at(-1)?.query).toMatchObject({ encrypt_type: 'aes' })
  await push.result.getByText('Request', { exact: true }).click()
  await expect(push.result.getByText(/<Encrypt><!\[CDATA\[/).first()).toBeVisible()
  await push.result.getByText('Reply as WeChat reads it').click()
  await expect(push.result.getByText('Decrypted from the Encrypt envelope.')).toBeVisible()

  for (const secret of [TOKEN, key]) expect(desk.replies.some((reply) => reply.includes(secret))).toBe(false)
})

test('a failed verification is explained: the server holds another Token, and the signed string is shown', async ({
  desk
}) => {
  receiver = await startWebotReceiver({ token: 'theServersOwnToken' })
  const push = new PushSimulator(desk.page)
  await push.open()

  await push.configure({ url: receiver.url, token: TOKEN })
  await push.save()
  await push.verify()
  await expect(push.resultHeading).toContainText('URL verification')
  expect(await push.verdict()).toBe('Refused')
  const refusal = push.result.getByRole('listitem').filter({ hasText: 'Refusal' })
  await expect(refusal).toContainText('it most likely checks it with another Token')
  await expect(refusal).toContainText('e••••••••••••2')
  await expect(push.history.getByRole('row').nth(1)).toContainText('Refused')
})

test('bad configuration is named field by field, and nothing is sent', async ({ desk }) => {
  const push = new PushSimulator(desk.page)
  await push.open()
  await push.configure({ url: 'localhost:8080/wechat', token: 'no spaces' })
  await push.verify()
  await expect(push.region.getByText('The URL must start with http:// or https://')).toBeVisible()
  await expect(push.region.getByText(/Token: character 3 " " is not a letter or digit/)).toBeVisible()
  await expect(push.region.getByLabel('URL', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(push.history.getByRole('row')).toHaveCount(2) // the header and "No verifications or pushes yet."
})
