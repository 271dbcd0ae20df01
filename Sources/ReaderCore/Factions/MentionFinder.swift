import FoundationEssentials
import Glibc

/// Finds the mentions of a name in the document's texts: whole words, longest form first, no overlaps.
///
/// The forms are searched longest first: each form takes, from left to right, its whole-word
/// occurrences that do not overlap one taken before, and only then does the next shorter form
/// search what is left. So 「Sam Altman」 counts once, not also as Sam and as Altman, and each
/// character belongs to at most one mention. Matching is exact, in case and in script: a
/// caller showing another script passes the forms converted to it along with converted texts.
public enum MentionFinder {
  /// One name form, prepared for searching UTF-8 bytes.
  private struct Form {
    /// Where the form stands in the forms searched for.
    var index: Int
    var bytes: [UInt8]
    /// Whether the form starts (ends) with a Latin letter or digit, so that edge must not touch one.
    var latinStart: Bool
    var latinEnd: Bool
    /// The UTF-8 length of the form's last scalar, to find the cluster the mention ends in.
    var lastScalarLength: Int

    init(_ text: String, index: Int) {
      self.index = index
      bytes = Array(text.utf8)
      let scalars = text.unicodeScalars
      latinStart = WholeWord.isLatinWordScalar(scalars.first!)
      latinEnd = WholeWord.isLatinWordScalar(scalars.last!)
      lastScalarLength = UTF8.width(scalars.last!)
    }
  }

  /// The mentions of any of `forms` in `leaves`, in reading order.
  public static func mentions(of forms: [String], in leaves: [LeafText], outline: Outline) -> [Mention] {
    var unique: [(text: String, index: Int)] = []
    for (index, form) in forms.enumerated()
    where !form.isEmpty && !unique.contains(where: { $0.text == form }) {
      unique.append((form, index))
    }
    let ordered = unique.enumerated().sorted {
      ($0.element.text.unicodeScalars.count, $1.offset) > ($1.element.text.unicodeScalars.count, $0.offset)
    }.map { Form($0.element.text, index: $0.element.index) }
    guard !ordered.isEmpty else { return [] }
    var result: [Mention] = []
    for leaf in leaves {
      var text = leaf.text
      let found = text.withUTF8 { search(ordered, in: $0) }
      guard !found.isEmpty else { continue }
      let section = outline.sectionIndex(topIndex: leaf.topIndex, blockID: leaf.blockID)
      var positions: Set<Int> = []
      for (start, form) in found {
        positions.insert(start)
        positions.insert(lastScalarStart(of: ordered[form], at: start))
      }
      let clusters = clusterIndices(of: leaf.text, atBytes: positions)
      for (start, form) in found {
        let first = clusters[start]!
        let last = clusters[lastScalarStart(of: ordered[form], at: start)]!
        result.append(
          Mention(
            topIndex: leaf.topIndex, leafID: leaf.blockID, offset: first, length: last + 1 - first,
            formIndex: ordered[form].index, section: section))
      }
    }
    return result
  }

  private static func lastScalarStart(of form: Form, at start: Int) -> Int {
    start + form.bytes.count - form.lastScalarLength
  }

  /// The byte offsets and form indices of the mentions in one text, in order.
  private static func search(
    _ forms: [Form], in text: UnsafeBufferPointer<UInt8>
  ) -> [(start: Int, form: Int)] {
    guard let base = text.baseAddress else { return [] }
    var found: [(start: Int, form: Int)] = []
    var claimed: [Bool] = []
    for (formIndex, form) in forms.enumerated() {
      let length = form.bytes.count
      var index = 0
      while index + length <= text.count {
        // memchr keeps the scan fast on long texts; a form starts with a lead byte, so a hit
        // always starts on a scalar boundary.
        let span = text.count - index - length + 1
        guard let hit = memchr(base + index, Int32(form.bytes[0]), span) else { break }
        let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        let end = start + length
        let matches =
          form.bytes.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, length) == 0 }
          && !(form.latinStart && start > 0 && WholeWord.isLatinWordScalar(scalar(before: start, in: text)))
          && !(form.latinEnd && end < text.count && WholeWord.isLatinWordScalar(scalar(at: end, in: text)))
          && (claimed.isEmpty || !claimed[start..<end].contains(true))
        if matches {
          if claimed.isEmpty { claimed = Array(repeating: false, count: text.count) }
          for position in start..<end { claimed[position] = true }
          found.append((start, formIndex))
          index = end
        } else {
          index = start + 1
        }
      }
    }
    return found.sorted { $0.start < $1.start }
  }

  private static func scalar(at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
    var iterator = UnsafeBufferPointer(rebasing: text[offset..<min(text.count, offset + 4)]).makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  private static func scalar(before offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
    var start = offset - 1
    while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start, in: text)
  }

  /// The layout cluster of the scalar that starts at each of `bytes` (UTF-8 offsets into `text`).
  ///
  /// Mirrors `Cluster.clusters(of:)`: a zero-width scalar joins the cluster before it unless
  /// there is none or that cluster is a line break; every other scalar starts a cluster.
  static func clusterIndices(of text: String, atBytes bytes: Set<Int>) -> [Int: Int] {
    var result: [Int: Int] = [:]
    var cluster = -1
    var offset = 0
    var previous: Unicode.Scalar?
    for scalar in text.unicodeScalars {
      if !Cluster.joins(width: DisplayWidth.of(scalar), after: previous) { cluster += 1 }
      if bytes.contains(offset) { result[offset] = cluster }
      offset += UTF8.width(scalar)
      previous = scalar
    }
    return result
  }
}
