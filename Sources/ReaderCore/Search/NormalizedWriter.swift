/// Appends one piece of displayed text to a `NormalizedText`, cluster by cluster, folding each
/// scalar as `SearchNormalizer.fold` does, straight into bytes.
///
/// A cluster's form with case kept is written only once an upper-case letter shows in it (its
/// bytes so far are the same in both forms), so text without capitals costs one copy.
struct NormalizedWriter {
  var normalized: NormalizedText
  /// Whether the current cluster holds an upper-case letter (its form with case kept is written).
  private var caseOpen = false

  init(normalized: NormalizedText) {
    self.normalized = normalized
  }

  /// A piece that tw2s left the same length: clusters from `displayed`, forms from `converted`,
  /// scalar for scalar.
  mutating func emit(_ displayed: String.UnicodeScalarView, converted: String.UnicodeScalarView) {
    var previous: Unicode.Scalar?
    for (scalar, form) in zip(displayed, converted) {
      if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { startCluster() }
      previous = scalar
      fold(form)
    }
  }

  /// One whole cluster, already converted.
  mutating func emit(cluster: String.UnicodeScalarView) {
    startCluster()
    for scalar in cluster { fold(scalar) }
  }

  private mutating func startCluster() {
    normalized.clusterStarts.append(UInt32(normalized.bytes.count))
    caseOpen = false
  }

  private mutating func fold(_ scalar: Unicode.Scalar) {
    var value = scalar.value
    if (0x4E00...0x9FFF).contains(value) || (0x3001...0x303F).contains(value) {
      // Han and CJK punctuation fold to themselves.
      put(value)
      return
    }
    if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
    if value < 0x80 {
      if (0x41...0x5A).contains(value) {
        openCase()
        normalized.bytes.append(UInt8(value + 0x20))
        normalized.caseBytes.append(UInt8(value))
      } else {
        put((0x09...0x0D).contains(value) ? 0x20 : value)
      }
      return
    }
    if scalar.properties.isWhitespace {
      put(0x20)
    } else if scalar.properties.changesWhenLowercased {
      openCase()
      for lower in scalar.properties.lowercaseMapping.unicodeScalars {
        Self.append(lower.value, to: &normalized.bytes)
      }
      Self.append(value, to: &normalized.caseBytes)
    } else {
      put(value)
    }
  }

  /// A scalar that is the same in both forms.
  private mutating func put(_ value: UInt32) {
    Self.append(value, to: &normalized.bytes)
    if caseOpen { Self.append(value, to: &normalized.caseBytes) }
  }

  /// Starts the current cluster's form with case kept, from its bytes so far.
  private mutating func openCase() {
    guard !caseOpen, !normalized.clusterStarts.isEmpty else { return }
    let start = normalized.clusterStarts.lastOffset
    caseOpen = true
    normalized.caseClusters.append(UInt32(normalized.clusterStarts.count - 1))
    normalized.caseStarts.append(UInt32(normalized.caseBytes.count))
    normalized.caseBytes.append(contentsOf: normalized.bytes[Int(start)...])
  }

  private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    switch value {
    case ..<0x80:
      bytes.append(UInt8(value))
    case ..<0x800:
      bytes.append(UInt8(0xC0 | value >> 6))
      bytes.append(UInt8(0x80 | value & 0x3F))
    case ..<0x10000:
      bytes.append(UInt8(0xE0 | value >> 12))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | value >> 18))
      bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | value & 0x3F))
    }
  }
}
