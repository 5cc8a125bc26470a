// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { App } from '../../../src/renderer/src/app/app'
import { appView } from './fake-desk'
import { installFakeDesk } from './setup'

const sandbox = appView()
const shop = appView({ id: 'p1', name: 'Shop', isSandbox: false, secretPersistence: 'encrypted' })

installFakeDesk(() => ({ apps: [sandbox, shop], preferences: { selectedAppId: 'sandbox' } }))

const tab = (name: string): HTMLElement => screen.getByRole('tab', { name })

describe("the app's workspace tabs", () => {
  it('opens on Token, with the emulator and the call log under it', async () => {
    render(<App />)
    const tablist = await screen.findByRole('tablist', { name: 'App sections' })
    expect(
      within(tablist)
        .getAllByRole('tab')
        .map((t) => [t.textContent, t.getAttribute('aria-selected'), t.tabIndex])
    ).toEqual([
      ['Token', 'true', 0],
      ['OAuth (网页授权)', 'false', -1],
      ['Console (接口调试)', 'false', -1],
      ['JS-SDK', 'false', -1],
      ['Mini Program login', 'false', -1],
      ['Push (消息推送)', 'false', -1]
    ])
    const tokenSection = screen.getByRole('tabpanel', { name: 'Token' })
    expect(tab('Token').getAttribute('aria-controls')).toBe(tokenSection.id)
    within(tokenSection).getByRole('region', { name: 'Token' })
    within(tokenSection).getByRole('region', { name: 'Emulator' })
    within(tokenSection).getByRole('table', { name: 'Call log' })
    expect(screen.queryByRole('region', { name: 'OAuth workbench (网页授权)' })).toBeNull()
  })

  it('moves between tabs with the arrow keys, Home and End, and keeps the choice across apps', async () => {
    render(<App />)
    await screen.findByRole('tablist', { name: 'App sections' })
    tab('Token').focus()
    fireEvent.keyDown(tab('Token'), { key: 'ArrowRight' })
    expect(tab('OAuth (网页授权)').getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(tab('OAuth (网页授权)'))
    screen.getByRole('region', { name: 'OAuth workbench (网页授权)' })
    expect(screen.queryByRole('region', { name: 'Token' })).toBeNull()

    fireEvent.keyDown(tab('OAuth (网页授权)'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(tab('Console (接口调试)'))
    screen.getByRole('region', { name: 'API console (接口调试)' })
    fireEvent.keyDown(tab('Console (接口调试)'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(tab('JS-SDK'))
    screen.getByRole('region', { name: 'JS-SDK workbench' })
    fireEvent.keyDown(tab('JS-SDK'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(tab('Mini Program login'))
    screen.getByRole('region', { name: 'Mini Program login' })
    fireEvent.keyDown(tab('Mini Program login'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(tab('Push (消息推送)'))
    screen.getByRole('region', { name: 'Push simulator (消息推送调试)' })
    fireEvent.keyDown(tab('Push (消息推送)'), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(tab('Token'))
    fireEvent.keyDown(tab('Token'), { key: 'End' })
    expect(document.activeElement).toBe(tab('Push (消息推送)'))
    fireEvent.keyDown(tab('Push (消息推送)'), { key: 'Home' })
    expect(tab('Token').getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(tab('Token'), { key: 'ArrowLeft' })
    expect(tab('Push (消息推送)').getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(tab('Push (消息推送)'), { key: 'ArrowLeft' })
    expect(tab('Mini Program login').getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(tab('Mini Program login'), { key: 'ArrowLeft' })
    expect(tab('JS-SDK').getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(tab('JS-SDK'), { key: 'ArrowLeft' })
    expect(tab('Console (接口调试)').getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(tab('Console (接口调试)'), { key: 'ArrowLeft' })
    expect(tab('OAuth (网页授权)').getAttribute('aria-selected')).toBe('true')

    fireEvent.click(
      within(screen.getByRole('navigation', { name: 'Apps' })).getByRole('button', { name: /^Shop/ })
    )
    await screen.findByRole('heading', { level: 1, name: 'Shop' })
    expect(tab('OAuth (网页授权)').getAttribute('aria-selected')).toBe('true')
    fireEvent.click(tab('Token'))
    screen.getByRole('region', { name: 'Token' })
  })

  it('names the tabs in Chinese as developers say it: access_token, 网页授权, 消息推送 and 接口调试', async () => {
    render(<App />)
    await screen.findByRole('tablist', { name: 'App sections' })
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } })
    await screen.findByRole('tablist', { name: '应用功能' })
    expect(tab('access_token').getAttribute('aria-selected')).toBe('true')
    tab('网页授权')
    tab('JS-SDK')
    tab('小程序登录')
    tab('消息推送')
    tab('接口调试')
    screen.getByRole('region', { name: 'access_token' })
  })
})
