/// Turns a document's bytes into text: any bytes at all give text, and what was wrong is counted.
///
/// UTF-8 is the default; a UTF-8 byte order mark is dropped and a UTF-16 one (either byte
/// order) switches to UTF-16. Invalid sequences become U+FFFD, one per maximal invalid
/// subpart (the Unicode practice, as `String(decoding:as:)` does), and their bytes are
/// counted. NUL becomes U+FFFD too. CRLF and lone CR become `\n`. Pure: no I/O.
public enum SourceDecoder {
  public static func decode(_ bytes: [UInt8]) -> DecodedSource {
    let (encoding, markLength) = SourceEncoding.detect(bytes)
    switch encoding {
    case .utf8:
      return decodeUTF8(bytes, from: markLength)
    case .utf16LittleEndian, .utf16BigEndian:
      return decodeUTF16(bytes, from: markLength, bigEndian: encoding == .utf16BigEndian)
    }
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

  private static func decodeUTF8(_ bytes: [UInt8], from start: Int) -> DecodedSource {
    let looksBinary = BinaryDetector.looksBinary(bytes)
    let body = bytes[start...]
    // Almost every file is valid UTF-8 without NUL or CR: then the bytes are the text.
    if !body.contains(0) && !body.contains(0x0D), let text = String(validating: body, as: UTF8.self) {
      return DecodedSource(
        text: text, encoding: .utf8, invalidBytes: 0, nulCharacters: 0, looksBinary: looksBinary)
    }
    var output: [UInt8] = []
    output.reserveCapacity(body.count + 16)
    var invalid = 0
    var nul = 0
    var afterCR = false
    bytes.withUnsafeBufferPointer { buffer in
      let count = buffer.count
      var index = start
      while index < count {
        let byte = buffer[index]
        if byte < 0x80 {
          let wasAfterCR = afterCR
          afterCR = false
          switch byte {
          case 0:
            nul += 1
            output.append(contentsOf: replacement)
          case 0x0D:
            output.append(0x0A)
            afterCR = true
          case 0x0A where wasAfterCR:
            break
          default:
            output.append(byte)
          }
          index += 1
          continue
        }
        afterCR = false
        let length = sequenceLength(buffer, at: index)
        if length > 0 {
          output.append(contentsOf: buffer[index..<index + length])
          index += length
        } else {
          let bad = -length
          invalid += bad
          output.append(contentsOf: replacement)
          index += bad
        }
      }
    }
    return DecodedSource(
      text: String(decoding: output, as: UTF8.self), encoding: .utf8, invalidBytes: invalid,
      nulCharacters: nul, looksBinary: looksBinary)
  }

  /// The length of the valid sequence that starts with a non-ASCII byte at `index`, or minus
  /// the length of its maximal invalid subpart (Unicode Table 3-7 gives the valid second bytes).
  private static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = buffer[index]
    let trailing: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: trailing = 1
    case 0xE0: (trailing, low) = (2, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
    case 0xED: (trailing, high) = (2, 0x9F)
    case 0xF0: (trailing, low) = (3, 0x90)
    case 0xF1...0xF3: trailing = 3
    case 0xF4: (trailing, high) = (3, 0x8F)
    default: return -1
    }
    var length = 1
    while length <= trailing && index + length < buffer.count {
      let byte = buffer[index + length]
      if byte < low || byte > high { break }
      length += 1
      (low, high) = (0x80, 0xBF)
    }
    return length == trailing + 1 ? length : -length
  }

  private static func decodeUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> DecodedSource {
    let unitCount = (bytes.count - start) / 2
    func unit(_ index: Int) -> UInt16 {
      let first = UInt16(bytes[start + 2 * index])
      let second = UInt16(bytes[start + 2 * index + 1])
      return bigEndian ? first << 8 | second : second << 8 | first
    }
    var scalars = String.UnicodeScalarView()
    let oddByte = (bytes.count - start) % 2
    var invalid = oddByte
    var nul = 0
    var suspicious = 0
    let sampled = min(unitCount, BinaryDetector.sampleSize / 2)
    var afterCR = false
    var index = 0
    while index < unitCount {
      let value = unit(index)
      if index < sampled && BinaryDetector.isSuspicious(UInt32(value)) { suspicious += 1 }
      var scalar: Unicode.Scalar
      if (0xD800...0xDBFF).contains(value), index + 1 < unitCount, (0xDC00...0xDFFF).contains(unit(index + 1))
      {
        let low = unit(index + 1)
        scalar = Unicode.Scalar(0x10000 + (UInt32(value - 0xD800) << 10) + UInt32(low - 0xDC00))!
        index += 2
      } else if let plain = Unicode.Scalar(UInt32(value)) {
        scalar = plain
        index += 1
      } else {
        invalid += 2
        scalar = "\u{FFFD}"
        index += 1
      }
      let wasAfterCR = afterCR
      afterCR = false
      switch scalar {
      case "\0":
        nul += 1
        scalars.append("\u{FFFD}")
      case "\r":
        scalars.append("\n")
        afterCR = true
      case "\n" where wasAfterCR:
        break
      default:
        scalars.append(scalar)
      }
    }
    if oddByte == 1 { scalars.append("\u{FFFD}") }
    return DecodedSource(
      text: String(scalars), encoding: bigEndian ? .utf16BigEndian : .utf16LittleEndian,
      invalidBytes: invalid, nulCharacters: nul,
      looksBinary: BinaryDetector.looksBinary(suspicious: suspicious, sampled: sampled))
  }
}
