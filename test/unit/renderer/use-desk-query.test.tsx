// @vitest-environment happy-dom
import { act, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { TokenView } from '../../../src/shared/contract'
import { ok, type Result } from '../../../src/shared/result'
import { useDeskQuery } from '../../../src/renderer/src/lib/use-desk-query'
import { tokenView } from './fake-desk'
import { installFakeDesk } from './setup'

const desk = installFakeDesk()

/** Asks for an app's token; notes every answer it is handed and shows the last. */
function Probe({ id, seen }: { id: string | null; seen: string[] }) {
  const [shown, setShown] = useState('nothing')
  useDeskQuery({
    ask: id === null ? null : (api) => api.getToken({ id }),
    key: [id],
    onResult: (result) => {
      const profileId = result.ok ? result.value.profileId : 'error'
      seen.push(profileId)
      setShown(profileId)
    }
  })
  return <p>{shown}</p>
}

/** Holds each getToken answer until the test lets it through. */
function holdAnswers(): Map<string, (result: Result<TokenView>) => void> {
  const pending = new Map<string, (result: Result<TokenView>) => void>()
  desk.current.calls.getToken.mockImplementation(
    ({ id }) => new Promise((resolve) => pending.set(id, resolve))
  )
  return pending
}

describe('useDeskQuery', () => {
  it('asks again when the key changes and drops the late answer to the older question', async () => {
    const pending = holdAnswers()
    const seen: string[] = []
    const { rerender } = render(<Probe id="a" seen={seen} />)
    rerender(<Probe id="b" seen={seen} />)
    expect([...pending.keys()]).toEqual(['a', 'b'])

    await act(async () => pending.get('b')?.(ok(tokenView({ profileId: 'b' }))))
    await act(async () => pending.get('a')?.(ok(tokenView({ profileId: 'a' }))))
    expect(seen).toEqual(['b'])
    expect(screen.getByText('b')).toBeTruthy()
  })

  it('asks nothing while there is nothing to ask, and drops an answer that arrives after unmounting', async () => {
    const pending = holdAnswers()
    const seen: string[] = []
    const { rerender, unmount } = render(<Probe id={null} seen={seen} />)
    expect(desk.current.calls.getToken).not.toHaveBeenCalled()

    rerender(<Probe id="a" seen={seen} />)
    expect(desk.current.calls.getToken).toHaveBeenCalledTimes(1)
    unmount()
    await act(async () => pending.get('a')?.(ok(tokenView({ profileId: 'a' }))))
    expect(seen).toEqual([])
  })
})
