import { expect, test } from './fixtures'
import { DeskPage } from './pages/desk-page'

// Feedback while WeChat is slow, failures that say what happens next, and buttons that say what they do
// (issue 12, items 4, 6 and 7), on the sandbox against the built-in emulator.

test('a hung call shows how long the desk has waited, and Cancel aborts it upstream', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  await ui.injectFault(/hang/)
  await ui.button('Fetch').click()

  await expect(ui.waiting).toBeVisible()
  // The counter runs: from "0 s" it moves on (no upper bound is asserted on how long that takes).
  await expect(ui.waiting).toHaveAttribute('aria-valuetext', /^[1-9]\d* s$/)
  await expect(ui.tokenPanel.getByText(/^Waiting for WeChat… [1-9]\d* s$/)).toBeVisible()
  await expect(ui.fact('Auto refresh')).toHaveText('Waiting for WeChat…')

  await ui.button('Cancel').click()
  await expect(ui.tokenPanel.getByRole('status')).toHaveText(
    'Cancelled: the desk stopped waiting for WeChat. Nothing changed.'
  )
  await expect(ui.waiting).toBeHidden()
  await expect(ui.callout).toHaveCount(0)
  await expect(ui.button('Fetch')).toBeFocused()
  await expect(ui.fact('Last attempt')).toContainText('Cancelled: nothing changed')
  // The upstream request was abandoned, not left to time out: the call log has it, marked cancelled.
  const logged = desk.services.callLog.list('sandbox')[0]
  expect(logged).toMatchObject({ endpoint: '/cgi-bin/stable_token', httpStatus: null, outcome: 'error' })
  expect(logged?.detail).toContain('cancelled')
  expect(desk.services.tokens.current('sandbox')).toBeNull()

  // Nothing was remembered: the next Fetch gets a token.
  await ui.fetch()
  expect(desk.services.tokens.current('sandbox')).not.toBeNull()
})

test('a manual Fetch that hits -1 offers Retry and says the desk retries only its own timed refreshes', async ({
  desk
}) => {
  const ui = new DeskPage(desk.page)
  await ui.injectFault(/system error -1/)
  await ui.button('Fetch').click()

  await expect(ui.callout).toContainText('WeChat error -1')
  await expect(ui.callout).toContainText('press Retry')
  await expect(ui.fact('Retry')).toHaveText(
    'None: the desk retries by itself only its own timed refreshes. Press Retry to try again.'
  )
  await ui.callout.getByRole('button', { name: 'Retry', exact: true }).click()
  await expect(ui.callout).toHaveCount(0)
  await expect(ui.tokenPanel.getByRole('progressbar', { name: 'Token lifetime' })).toBeVisible()
  expect(desk.services.tokens.current('sandbox')).not.toBeNull()
})

test('“cannot be fixed by retrying” follows the latest error: a 45009, then a 502', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  await ui.injectFault(/quota 45009/)
  await ui.button('Fetch').click()
  await expect(ui.callout).toContainText('45009')
  await expect(ui.fact('Auto refresh')).toContainText(
    'Stopped: the latest error cannot be fixed by retrying.'
  )
  await expect(ui.fact('Auto refresh')).toContainText('Next automatic try at')
  // WeChat's answer is remembered: "Retry now" is the way to ask again before the pause ends.
  await expect(ui.tokenPanel.getByText(/WeChat’s answer is remembered until/)).toBeVisible()
  await expect(ui.callout.getByRole('button', { name: 'Copy clear_quota command' })).toBeVisible()

  await ui.injectFault(/HTTP 502 HTML page/)
  await ui.button('Retry now').click()
  await expect(ui.callout).toContainText('HTTP 502')
  await expect(ui.fact('Auto refresh')).toContainText(
    'Stopped after an earlier error that retrying cannot fix'
  )
  await expect(ui.fact('Auto refresh')).not.toContainText('the latest error cannot be fixed')
  await expect(ui.callout.getByRole('button', { name: 'Retry', exact: true })).toBeVisible()
})

test('Fetch, Refresh and Force refresh say what they do, and why one cannot be used', async ({ desk }) => {
  const ui = new DeskPage(desk.page)
  const hint = ui.tokenPanel.locator('.token-action-hint')
  await expect(hint).toHaveText(/Fetch reuses the held token while it is valid; Refresh asks WeChat now/)
  await expect(ui.button('Force refresh')).toBeDisabled()
  await ui.button('Force refresh').hover()
  await expect(hint).toContainText('No token held: press Fetch first.')
  await ui.button('Fetch').hover()
  await expect(hint).toContainText('hands out the token the desk holds while it is valid (no WeChat call)')

  await ui.fetch()
  await expect(ui.button('Force refresh')).toBeEnabled()
  await ui.button('Refresh').click()
  // A token younger than 30 s is handed back: the panel says so, with its age.
  await expect(ui.fact('Last attempt')).toContainText(
    /Handed back the held token \(no WeChat call\): it is \d+ s old, and the desk mints at most one per 30 s/
  )
  await ui.button('Fetch').click()
  await expect(ui.fact('Last attempt')).toContainText('Reused the held token: it is still valid')
})
