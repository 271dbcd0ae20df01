import Foundation

/// Keeps the layouts of one document at the widths in use, so a resize back reuses earlier work.
public final class LayoutCache: @unchecked Sendable {
  public let document: Document
  private var layouts: [Int: DocumentLayout] = [:]
  private var order: [Int] = []
  private let lock = NSLock()

  public init(document: Document) {
    self.document = document
  }

  /// The layout at `width`, made on first use; only the few most recent widths are kept.
  public func layout(width: Int) -> DocumentLayout {
    lock.lock()
    defer { lock.unlock() }
    if let layout = layouts[width] { return layout }
    let layout = DocumentLayout(document: document, width: width)
    layouts[width] = layout
    order.append(width)
    if order.count > 4 { layouts[order.removeFirst()] = nil }
    return layout
  }
}
