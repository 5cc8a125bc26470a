import { expect, test } from './fixtures'
import { LocalApiPanel } from './pages/local-api'

// Issue 12, item 10: a WeChat-compatible refusal (HTTP 200, errcode in the body) must not read as a success.

test('a /cgi-bin/token call with a wrong secret shows errcode 40125 and is marked refused, not a green 200', async ({
  desk
}) => {
  const api = new LocalApiPanel(desk.page)
  await api.open()
  const url = await api.enable(0)
  const appid = desk.services.profiles.credentials('sandbox').appId
  const answer = await fetch(
    `${url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${'0'.repeat(32)}`
  )
  expect(answer.status).toBe(200)
  expect(((await answer.json()) as { errcode: number }).errcode).toBe(40125)
  const row = api.requests.getByRole('row').filter({ hasText: '/cgi-bin/token' })
  await expect(row).toHaveAttribute('data-outcome', 'wechat-error')
  await expect(row.getByRole('cell').nth(3)).toHaveText('40125')
})
