/// Converts bytes that should be UTF-8 but may not be: each valid stretch goes through a string
/// conversion, invalid bytes are copied unchanged, so a filter never loses or invents a byte.
public enum ByteTextConverter {
  /// `bytes` with every valid UTF-8 stretch replaced by `transform` of it.
  public static func convert(
    _ bytes: ArraySlice<UInt8>, _ transform: (String) throws(ConversionError) -> String
  ) throws(ConversionError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var validStart = bytes.startIndex
    var index = bytes.startIndex
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    func flushValid(upTo end: Int) throws(ConversionError) {
      guard end > validStart else { return }
      output += Array(try transform(String(decoding: bytes[validStart..<end], as: UTF8.self)).utf8)
    }
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        index += encoded.count
      case .error(let length):
        try flushValid(upTo: index)
        output += bytes[index..<index + length]
        index += length
        validStart = index
      case .emptyInput:
        try flushValid(upTo: index)
        return output
      }
    }
  }
}
