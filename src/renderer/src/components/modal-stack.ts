/** Open modals, innermost last: only the top one answers Esc, and global shortcuts pause while any is open. */
const stack: symbol[] = []

export function pushModal(): symbol {
  const token = Symbol('modal')
  stack.push(token)
  return token
}

export function popModal(token: symbol): void {
  const index = stack.indexOf(token)
  if (index !== -1) stack.splice(index, 1)
}

export const isTopModal = (token: symbol): boolean => stack[stack.length - 1] === token

export const isModalOpen = (): boolean => stack.length > 0
