// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../src/shared/result'
import { App } from '../../../src/renderer/src/app/app'
import { appView, say } from './fake-desk'
import { installFakeDesk } from './setup'

const desk = installFakeDesk(() => ({
  preferences: { language: 'system' },
  system: {
    systemLanguage: 'en-US',
    notices: [
      {
        id: 'store-moved',
        level: 'warning',
        message: say('The store was corrupt and moved aside.', '存储文件已损坏，已移到一旁。')
      }
    ]
  }
}))

describe('language, theme and notices', () => {
  it('switches to Chinese, including text sent by main, and remembers the choice', async () => {
    render(<App />)
    await screen.findByRole('button', { name: 'Fetch' })
    await screen.findByText('The store was corrupt and moved aside.')

    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } })

    await screen.findByRole('button', { name: '获取' })
    for (const name of ['刷新', '强制刷新', '测试 access_token', '复制 access_token', '复制为 curl']) {
      screen.getByRole('button', { name })
    }
    screen.getByText('导出 ▾')
    screen.getByRole('region', { name: 'access_token' })
    screen.getByRole('heading', { name: '调用日志' })
    screen.getByText('存储文件已损坏，已移到一旁。')
    // The built-in sandbox's name follows the language (it is stored in English).
    screen.getByRole('heading', { level: 1, name: '沙箱（离线模拟器）' })
    within(screen.getByRole('navigation', { name: '应用' })).getByText('沙箱（离线模拟器）')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(desk.current.calls.updatePreferences).toHaveBeenCalledWith({ language: 'zh-CN' })
  })

  it('follows a Chinese system language when the preference is "system"', async () => {
    desk.current.calls.getSystemInfo.mockResolvedValueOnce(
      ok({
        systemLanguage: 'zh-Hans-CN',
        encryptionAvailable: true,
        encryptionUnavailableReason: null,
        notices: [],
        version: '0.0.0-test'
      })
    )
    render(<App />)
    await screen.findByRole('button', { name: '获取' })
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('shows a renamed sandbox under the name the user gave it, in any language', async () => {
    desk.current.calls.listApps.mockResolvedValueOnce(ok([appView({ name: '我的沙箱 test' })]))
    render(<App />)
    await screen.findByRole('heading', { level: 1, name: '我的沙箱 test' })
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'zh-CN' } })
    await screen.findByRole('button', { name: '获取' })
    screen.getByRole('heading', { level: 1, name: '我的沙箱 test' })
  })

  it('applies and remembers the theme', async () => {
    render(<App />)
    await screen.findByRole('button', { name: 'Fetch' })
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false)
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } })
    await waitFor(() => expect(document.documentElement.getAttribute('data-theme')).toBe('dark'))
    expect(desk.current.calls.updatePreferences).toHaveBeenCalledWith({ theme: 'dark' })
  })

  it('dismisses a start-up notice through main', async () => {
    render(<App />)
    await screen.findByText('The store was corrupt and moved aside.')
    act(() => screen.getByRole('button', { name: 'Dismiss notice' }).click())
    expect(screen.queryByText('The store was corrupt and moved aside.')).toBeNull()
    expect(desk.current.calls.dismissNotice).toHaveBeenCalledWith({ id: 'store-moved' })
  })

  it('warns for the whole session when secrets cannot be encrypted', async () => {
    desk.current.calls.getSystemInfo.mockResolvedValueOnce(
      ok({
        systemLanguage: 'en-US',
        encryptionAvailable: false,
        encryptionUnavailableReason: 'no keyring',
        notices: [],
        version: '0.0.0-test'
      })
    )
    render(<App />)
    await screen.findByText(/AppSecrets are kept for this session only/)
    expect(screen.queryByRole('button', { name: 'Dismiss notice' })).toBeNull()
  })
})
