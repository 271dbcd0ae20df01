import Glibc

/// Reads the start of a long book's package without parsing its whole manifest.
///
/// A package lists its manifest (every file of the book: thousands of items in a long one)
/// before its spine, so the first page of a book of 2,600 chapters waited for libxml2 to read
/// 2,600 items to learn which one is the first chapter (3 ms of a 20 MB book's 19 ms first
/// page; 13 ms at 100 MB). Here libxml2 reads a copy of the package that keeps everything before
/// the manifest (the metadata), the manifest's own tags, the spine and what follows it, but of
/// the manifest's items only those whose `id` one of the spine's first references or its `toc`
/// names, and those with `properties` or an NCX media type (the navigation): the same
/// `EPUBPackageCollector` then collects from it what it would from the whole.
///
/// The items are found by their bytes, which XML makes exact as long as every `<` starts a tag:
/// a package with a comment, a CDATA section, a document type or a processing instruction
/// before its spine, with the spine before the manifest, or in another encoding is read whole.
/// An item whose `id` cannot be told from its bytes (an entity in it) is kept; a reference
/// found in none gives the whole parse too. What this misreads in a package that is not
/// well-formed, the whole parse after the first page puts right (`EPUBImporter.readRest`).
enum EPUBPackageShortcut {
  /// Packages shorter than this are parsed whole (a thousand items or so cost a millisecond).
  static let minimumBytes = 64 << 10

  /// The collector filled from the copy of `bytes` this makes, with `spineLimit`; nil when the
  /// package is to be parsed whole.
  static func collect(_ bytes: [UInt8], spineLimit: Int) -> EPUBPackageCollector? {
    guard spineLimit < .max, bytes.count >= minimumBytes else { return nil }
    guard let layout = bytes.withUnsafeBufferPointer({ PackageLayout.find(in: $0) }) else { return nil }
    let first = EPUBPackageCollector(spineLimit: spineLimit)
    MarkupStreamReader.read(layout.copy(of: bytes, keeping: []), to: first)
    guard first.hasSpine else { return nil }
    let wanted = (first.references + (first.toc.map { [$0] } ?? [])).map { Array($0.utf8) }
    let kept = bytes.withUnsafeBufferPointer { buffer in
      layout.items.filter { isKept($0, in: buffer, wanted: wanted) }
    }
    let collector = EPUBPackageCollector(spineLimit: spineLimit)
    MarkupStreamReader.read(layout.copy(of: bytes, keeping: kept), to: collector)
    let found = Set(collector.items.compactMap { collector.text($0.id) })
    guard collector.hasSpine, collector.references == first.references,
      collector.references.allSatisfy({ found.contains($0) })
    else { return nil }
    return collector
  }

  /// Where the parts of a package are: the manifest's start tag and name, its items' tags, the
  /// spine's start; found only in a package whose every `<` before the spine starts a
  /// tag, whose metadata comes before its manifest and its manifest before its spine.
  struct PackageLayout {
    var manifestTag: Range<Int>
    var manifestName: Range<Int>
    /// Each item's start tag, and its end tag's name when it is not empty (`<item …>…</item>`).
    var items: [Range<Int>]
    var openItems: [Int: Range<Int>]
    var spineStart: Int

    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> PackageLayout? {
      var position = 0
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
      guard position < bytes.count, bytes[position] == UInt8(ascii: "<") else { return nil }
      if bytes[position...].starts(with: "<?xml".utf8) {
        guard let end = declarationEnd(in: bytes, from: position), declaresUTF8(bytes[position..<end])
        else {
          return nil
        }
        position = end + 2
      }
      var sawMetadata = false
      var manifest: (tag: Range<Int>, name: Range<Int>)?
      var manifestEnd: Int?
      var items: [Range<Int>] = []
      var openItems: [Int: Range<Int>] = [:]
      while let open = index(of: UInt8(ascii: "<"), in: bytes, from: position) {
        guard open + 1 < bytes.count else { return nil }
        let next = bytes[open + 1]
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") { return nil }
        let isEnd = next == UInt8(ascii: "/")
        let name = tagName(in: bytes, from: open + (isEnd ? 2 : 1))
        let local = localName(name, in: bytes)
        position = name.upperBound
        if isEnd {
          if manifest != nil, manifestEnd == nil, equal(local, "manifest", in: bytes) { manifestEnd = open }
          continue
        }
        if equal(local, "spine", in: bytes) {
          guard sawMetadata, let manifest, manifestEnd != nil else { return nil }
          return PackageLayout(
            manifestTag: manifest.tag, manifestName: manifest.name, items: items, openItems: openItems,
            spineStart: open)
        }
        guard manifest != nil else {
          if equal(local, "metadata", in: bytes) { sawMetadata = true }
          if equal(local, "manifest", in: bytes) {
            // An empty manifest has nothing to leave out.
            guard let end = tagEnd(in: bytes, from: name.upperBound), bytes[end - 2] != UInt8(ascii: "/")
            else {
              return nil
            }
            manifest = (open..<end, name)
            position = end
          }
          continue
        }
        if manifestEnd == nil, equal(local, "item", in: bytes) {
          guard let end = tagEnd(in: bytes, from: name.upperBound) else { return nil }
          items.append(open..<end)
          if bytes[end - 2] != UInt8(ascii: "/") { openItems[open] = name }
          position = end
        }
      }
      return nil
    }

    /// The package with only the items `kept` of its manifest (each a range of `items`).
    func copy(of bytes: [UInt8], keeping kept: [Range<Int>]) -> [UInt8] {
      var copy = Array(bytes[..<manifestTag.upperBound])
      for item in kept {
        copy += bytes[item]
        if let name = openItems[item.lowerBound] { copy += "</".utf8 + bytes[name] + ">".utf8 }
      }
      copy += "</".utf8 + bytes[manifestName] + ">".utf8
      copy += bytes[spineStart...]
      return copy
    }
  }

  /// Whether the item start tag at `tag` is kept: its unprefixed `id` is wanted or not told from
  /// its bytes, or it has `properties` (the navigation's `nav`) or an NCX media type. Every item
  /// of a long book's manifest comes here: nothing is copied.
  private static func isKept(_ tag: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, wanted: [[UInt8]])
    -> Bool
  {
    var kept = false
    let readable = forEachAttribute(in: tag, of: bytes) { name, value in
      if equal(name, "id", in: bytes) {
        if bytes[value].contains(UInt8(ascii: "&")) {
          kept = true
        } else if wanted.contains(where: { $0.count == value.count && $0.elementsEqual(bytes[value]) }) {
          kept = true
        }
      } else if equal(name, "properties", in: bytes) {
        kept = true
      } else if equal(name, "media-type", in: bytes), containsIgnoringCase(bytes[value], "dtbncx") {
        kept = true
      }
    }
    return kept || !readable
  }

  /// Calls `body` with the ranges of each attribute's name and raw value in the start tag at
  /// `tag`, hopping from `=` to `=` (values skipped whole); false when it met something it cannot
  /// read (the tag is then kept, for libxml2).
  private static func forEachAttribute(
    in tag: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>, Range<Int>) -> Void
  ) -> Bool {
    let end = tag.upperBound
    var index = tagName(in: bytes, from: tag.lowerBound + 1).upperBound
    while let equals = Self.index(of: UInt8(ascii: "="), in: bytes, from: index), equals < end {
      var nameEnd = equals
      while nameEnd > index, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
      var nameStart = nameEnd
      while nameStart > index, !isSpace(bytes[nameStart - 1]) { nameStart -= 1 }
      var quote = equals + 1
      while quote < end, isSpace(bytes[quote]) { quote += 1 }
      guard nameStart < nameEnd, quote < end,
        bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'"),
        let close = Self.index(of: bytes[quote], in: bytes, from: quote + 1), close < end
      else { return false }
      body(nameStart..<nameEnd, (quote + 1)..<close)
      index = close + 1
    }
    return true
  }

  /// The end (one past the `>`) of the tag whose name ends at `from`, quotes skipped.
  private static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var index = from
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ">") { return index + 1 }
      if byte == UInt8(ascii: "<") { return nil }
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        guard let close = Self.index(of: byte, in: bytes, from: index + 1) else { return nil }
        index = close
      }
      index += 1
    }
    return nil
  }

  /// The name of the tag starting at `from`: up to white space, `/` or `>`.
  private static func tagName(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int> {
    var end = min(from, bytes.count)
    while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "/"),
      bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<")
    {
      end += 1
    }
    return min(from, end)..<end
  }

  private static func localName(_ name: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard let colon = bytes[name].lastIndex(of: UInt8(ascii: ":")) else { return name }
    return (colon + 1)..<name.upperBound
  }

  private static func equal(
    _ name: Range<Int>, _ expected: StaticString, in bytes: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    MarkupStreamReader.Element.equalIgnoringCase(UnsafeBufferPointer(rebasing: bytes[name]), expected)
  }

  private static func containsIgnoringCase(
    _ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ expected: StaticString
  )
    -> Bool
  {
    let count = expected.utf8CodeUnitCount
    guard bytes.count >= count else { return false }
    return (bytes.startIndex...(bytes.endIndex - count)).contains { start in
      MarkupStreamReader.Element.equalIgnoringCase(
        UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), expected)
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  /// Whether an XML declaration names no encoding or UTF-8.
  private static func declaresUTF8(_ declaration: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    let name = "encoding".utf8.count
    guard declaration.count >= name,
      let start = (declaration.startIndex...(declaration.endIndex - name)).first(where: {
        equal($0..<($0 + name), "encoding", in: declaration.base)
      })
    else { return true }
    let rest = declaration[(start + name)...].drop {
      isSpace($0) || $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
    }
    return [("utf-8", 5), ("utf8", 4)].contains { expected, count in
      rest.count >= count
        && equal(rest.startIndex..<(rest.startIndex + count), expected, in: declaration.base)
    }
  }

  /// Where the XML declaration starting at `from` ends (its `?>`).
  private static func declarationEnd(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    var position = from
    while let mark = index(of: UInt8(ascii: "?"), in: bytes, from: position) {
      if mark > from + 1, mark + 1 < bytes.count, bytes[mark + 1] == UInt8(ascii: ">") { return mark }
      position = mark + 1
    }
    return nil
  }

  private static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard from < bytes.count, let base = bytes.baseAddress,
      let found = memchr(base + from, Int32(byte), bytes.count - from)
    else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }
}
