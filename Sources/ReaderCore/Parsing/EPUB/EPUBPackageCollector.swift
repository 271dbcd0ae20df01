/// Collects from a package document's SAX events (`MarkupStreamReader`) what `EPUBPackage` is made
/// of: the metadata's title, creator and language, the manifest's items as written, and the
/// spine's references, then stops as soon as those are known to `spineLimit` references.
///
/// Each element is the one a walk of the whole tree finds first (the first `metadata`, `manifest`
/// and `spine` in document order, their children, the first `title` inside the metadata), so the
/// package read is the one the tree gives. A package lists its manifest before its spine, so the
/// manifest's items are all kept as written until the spine names the ones wanted; past the
/// limit's references the rest of the spine (a third of a long book's package) is not read.
final class EPUBPackageCollector: MarkupStreamHandler {
  typealias Element = MarkupStreamReader.Element

  /// A manifest item's attributes as written, kept as spans of `listedBytes` (a String made for
  /// each of a long book's thousands of items cost more than libxml2's reading of them).
  struct ListedItem {
    var id: Range<Int>?
    var href: Range<Int>?
    var mediaType: Range<Int>?
    var properties: Range<Int>?
  }

  /// One of the metadata's texts being collected, and where its element is.
  private struct Capture {
    var field: ReferenceWritableKeyPath<EPUBPackageCollector, String?>
    var depth: Int
  }

  let spineLimit: Int
  private(set) var title: String?
  private(set) var creator: String?
  private(set) var language: String?
  private(set) var items: [ListedItem] = []
  /// The bytes of the items' attribute values, one after another.
  private(set) var listedBytes: [UInt8] = []
  private(set) var hasSpine = false
  /// The spine's `toc` attribute.
  private(set) var toc: String?
  /// The `idref`s of the spine's first `spineLimit` references.
  private(set) var references: [String] = []
  /// Whether each of `references` is marked `linear="no"` (auxiliary content: notes, a cover).
  private(set) var isAuxiliary: [Bool] = []
  /// How many references the spine has (past the limit, how many were read: one more).
  private(set) var referenceCount = 0

  private var metadataDepth: Int?
  private var manifestDepth: Int?
  private var spineDepth: Int?
  private var metadataDone = false
  private var manifestDone = false
  private var spineDone = false
  private var captures: [Capture] = []

  init(spineLimit: Int) {
    self.spineLimit = spineLimit
  }

  /// The text of an item's attribute.
  func text(_ span: Range<Int>?) -> String? {
    span.map { String(decoding: listedBytes[$0], as: UTF8.self) }
  }

  /// Whether an item's attribute is `expected` (lower-case ASCII), ASCII case folded.
  func span(_ span: Range<Int>?, equalsIgnoringCase expected: StaticString) -> Bool {
    guard let span else { return false }
    return listedBytes[span].withUnsafeBufferPointer {
      Element.equalIgnoringCase($0, expected)
    }
  }

  /// Whether the spine was read to its end.
  var isWholeSpine: Bool { referenceCount <= spineLimit }

  func start(_ element: Element, depth: Int) -> Bool {
    if manifestDepth == depth - 1, element.isNamed("item") {
      var item = ListedItem()
      element.forEachAttribute { name, value in
        let span = listedBytes.count..<listedBytes.count + value.count
        // The last of an attribute written twice, as in the tree's copy.
        if Element.equalIgnoringCase(name, "id") {
          item.id = span
        } else if Element.equalIgnoringCase(name, "href") {
          item.href = span
        } else if Element.equalIgnoringCase(name, "media-type") {
          item.mediaType = span
        } else if Element.equalIgnoringCase(name, "properties") {
          item.properties = span
        } else {
          return
        }
        listedBytes.append(contentsOf: value)
      }
      items.append(item)
    } else if spineDepth == depth - 1, element.isNamed("itemref") {
      referenceCount += 1
      if referenceCount > spineLimit { return !isComplete }
      if let idref = element.attribute("idref") {
        references.append(idref)
        let linear = element.attribute("linear")?.filter { !$0.isWhitespace }.lowercased()
        isAuxiliary.append(linear == "no")
      }
    }
    if metadataDepth != nil {
      if title == nil, element.isNamed("title") { begin(\.title, depth: depth) }
      if creator == nil, element.isNamed("creator") { begin(\.creator, depth: depth) }
      if language == nil, element.isNamed("language") { begin(\.language, depth: depth) }
    }
    if !metadataDone, metadataDepth == nil, element.isNamed("metadata") { metadataDepth = depth }
    if !manifestDone, manifestDepth == nil, element.isNamed("manifest") { manifestDepth = depth }
    if !hasSpine, element.isNamed("spine") {
      hasSpine = true
      spineDepth = depth
      toc = element.attribute("toc")
    }
    return true
  }

  func end(depth: Int) -> Bool {
    captures.removeAll { $0.depth == depth }
    if metadataDepth == depth {
      metadataDepth = nil
      metadataDone = true
    }
    if manifestDepth == depth {
      manifestDepth = nil
      manifestDone = true
    }
    if spineDepth == depth {
      spineDepth = nil
      spineDone = true
    }
    return !isComplete
  }

  func text(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !captures.isEmpty else { return }
    let piece = String(decoding: bytes, as: UTF8.self)
    for capture in captures { self[keyPath: capture.field]? += piece }
  }

  /// Whether all that is wanted has been read: the metadata, the manifest and the spine to its
  /// end or past the limit.
  private var isComplete: Bool {
    metadataDone && manifestDone && (spineDone || referenceCount > spineLimit)
  }

  private func begin(_ field: ReferenceWritableKeyPath<EPUBPackageCollector, String?>, depth: Int) {
    self[keyPath: field] = ""
    captures.append(Capture(field: field, depth: depth))
  }
}
