import { EventEmitter } from 'node:events'
import { createServer, request, type Server } from 'node:http'
import { describe, expect, it } from 'vitest'
import { closeServer, hostForUrl, listen, listenFailure } from '../../../../src/core/http/listen'

const errno = (code: string, message = `listen ${code}`): NodeJS.ErrnoException =>
  Object.assign(new Error(message), { code })

/** A server that "binds" wherever asked, without a socket: what `listen` makes of the address, alone. */
function pretendServer(port: number): Server & { asked: unknown } {
  const fake = Object.assign(new EventEmitter(), {
    asked: undefined as unknown,
    listen(options: unknown, done: () => void) {
      fake.asked = options
      done()
    },
    address: () => ({ address: '', family: '', port })
  })
  return fake as unknown as Server & { asked: unknown }
}

describe('listen', () => {
  it('listens exclusively and says where, with the port the OS chose', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    const address = await listen(server, '127.0.0.1', 0)
    try {
      expect(address.port).toBeGreaterThan(0)
      expect(address).toEqual({
        host: '127.0.0.1',
        port: address.port,
        url: `http://127.0.0.1:${address.port}`
      })
      expect(await (await fetch(address.url)).text()).toBe('ok')
    } finally {
      await closeServer(server)
    }
  })

  it('writes an IPv6 host in brackets in the URL', async () => {
    const server = pretendServer(4321)
    expect(await listen(server, '::1', 0)).toEqual({ host: '::1', port: 4321, url: 'http://[::1]:4321' })
    expect(server.asked).toEqual({ host: '::1', port: 0, exclusive: true })
    expect(hostForUrl('fe80::1')).toBe('[fe80::1]')
    expect(hostForUrl('192.168.1.20')).toBe('192.168.1.20')
  })

  it('rejects with Node’s own error when the port is taken', async () => {
    const first = createServer()
    const { port } = await listen(first, '127.0.0.1', 0)
    try {
      await expect(listen(createServer(), '127.0.0.1', port)).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      await closeServer(first)
    }
  })

  it('closes idle keep-alive connections too', async () => {
    const server = createServer((_req, res) => res.end('ok'))
    const { port } = await listen(server, '127.0.0.1', 0)
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, headers: { connection: 'keep-alive' } }, (res) => {
        res.resume()
        res.on('end', resolve)
      })
      req.on('error', reject)
      req.end()
    })
    await closeServer(server)
    expect(server.listening).toBe(false)
  })
})

describe('listenFailure: one translation for every server', () => {
  it('a taken port is a refusal with a fix, worth retrying later', () => {
    expect(listenFailure(errno('EADDRINUSE'), '127.0.0.1', 17180)).toEqual({
      code: 'guard',
      message: {
        en: 'Port 17180 on 127.0.0.1 is already in use',
        'zh-CN': '127.0.0.1 的端口 17180 已被占用'
      },
      fix: {
        en: 'Another program holds it: choose another port, or 0 for any free one.',
        'zh-CN': '它已被其他程序占用：请换一个端口，或填 0 使用任意空闲端口。'
      },
      retryable: true
    })
  })

  it('a privileged port and a foreign address are refusals with their own fix', () => {
    const denied = listenFailure(errno('EACCES'), '::1', 80)
    expect(denied).toMatchObject({
      code: 'guard',
      message: { en: 'This system does not allow listening on [::1]:80' }
    })
    expect(denied.fix?.en).toMatch(/below 1024/)
    const gone = listenFailure(errno('EADDRNOTAVAIL'), '192.168.9.9', 0)
    expect(gone).toMatchObject({
      code: 'guard',
      message: { en: '192.168.9.9 is not an address of this computer' }
    })
    expect(gone.fix?.en).toMatch(/Wi-Fi/)
  })

  it('anything else is internal, in Node’s words, in both languages', () => {
    const odd = listenFailure(errno('EINVAL', 'listen EINVAL: invalid argument'), '127.0.0.1', 1)
    expect(odd).toEqual({
      code: 'internal',
      message: {
        en: 'Could not listen on 127.0.0.1:1: listen EINVAL: invalid argument',
        'zh-CN': '无法在 127.0.0.1:1 上监听：listen EINVAL: invalid argument'
      }
    })
    expect(listenFailure('boom', '127.0.0.1', 1).message.en).toBe('Could not listen on 127.0.0.1:1: boom')
  })
})
