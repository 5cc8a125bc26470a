/** 网页授权 domains as typed: separated by spaces, commas or new lines (also full-width commas). */
export function splitDomains(value: string): string[] {
  return value
    .split(/[\s,，、;；]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '')
}
