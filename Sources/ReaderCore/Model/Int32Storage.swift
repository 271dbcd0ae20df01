/// An `Int` kept in 32 bits, for the numbers of records a large document holds by the hundred
/// thousand (faction mentions, outline entries): a value past 32 bits is kept as the nearest one.
@propertyWrapper
public struct Int32Storage: Hashable, Sendable {
  private var stored: Int32

  public init(wrappedValue: Int) {
    stored = Int32(clamping: wrappedValue)
  }

  public var wrappedValue: Int {
    get { Int(stored) }
    set { stored = Int32(clamping: newValue) }
  }
}
