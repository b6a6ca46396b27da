/**
 * A file's bytes as text, and the first byte sequence libyaml's reader refuses (`yaml_parser_update_buffer`), which
 * Psych raises as `(<unknown>): <problem> at line 1 column 1` (a reader error has no context mark). The text is
 * decoded with U+FFFD for bad sequences, so positions still work; `problem.offset` is where the first one starts.
 */
export interface Utf8Problem {
  /** Offset in `text` (UTF-16 code units) of the first invalid sequence. */
  offset: number
  /** libyaml's words: `invalid leading UTF-8 octet`, `invalid trailing UTF-8 octet`, … */
  message: string
}

function firstProblem(bytes: Uint8Array): { at: number; message: string } | null {
  for (let i = 0; i < bytes.length; ) {
    const octet = bytes[i] as number
    const width =
      (octet & 0x80) === 0
        ? 1
        : (octet & 0xe0) === 0xc0
          ? 2
          : (octet & 0xf0) === 0xe0
            ? 3
            : (octet & 0xf8) === 0xf0
              ? 4
              : 0
    if (width === 0) return { at: i, message: 'invalid leading UTF-8 octet' }
    if (i + width > bytes.length) return { at: i, message: 'incomplete UTF-8 octet sequence' }
    let value = width === 1 ? octet : width === 2 ? octet & 0x1f : width === 3 ? octet & 0x0f : octet & 0x07
    for (let k = 1; k < width; k++) {
      const trailing = bytes[i + k] as number
      if ((trailing & 0xc0) !== 0x80) return { at: i, message: 'invalid trailing UTF-8 octet' }
      value = (value << 6) | (trailing & 0x3f)
    }
    const shortest =
      width === 1 ||
      (width === 2 && value >= 0x80) ||
      (width === 3 && value >= 0x800) ||
      (width === 4 && value >= 0x10000)
    if (!shortest) return { at: i, message: 'invalid length of a UTF-8 sequence' }
    if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff)
      return { at: i, message: 'invalid Unicode character' }
    i += width
  }
  return null
}

export function decodeUtf8(bytes: Uint8Array): { text: string; problem: Utf8Problem | null } {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const text = decoder.decode(bytes)
  const found = firstProblem(bytes)
  if (!found) return { text, problem: null }
  return {
    text,
    problem: { offset: decoder.decode(bytes.subarray(0, found.at)).length, message: found.message },
  }
}
