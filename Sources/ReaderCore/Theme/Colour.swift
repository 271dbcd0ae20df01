/// A colour as a theme names it (24-bit), brought down to what the terminal can show.
public struct Colour: Hashable, Sendable {
  public let red: Int
  public let green: Int
  public let blue: Int

  public init(_ rgb: UInt32) {
    red = Int(rgb >> 16 & 0xFF)
    green = Int(rgb >> 8 & 0xFF)
    blue = Int(rgb & 0xFF)
  }

  /// The 24-bit value, as a direct-colour terminal takes it.
  public var rgb: Int { red << 16 | green << 8 | blue }

  /// The nearest of the 256-colour palette's 6x6x6 cube and grey ramp (xterm's levels).
  public var index256: Int {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ value: Int) -> Int {
      levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) } ?? 0
    }
    let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
    let cube = 16 + 36 * r + 6 * g + b
    let cubeDistance = distance(to: (levels[r], levels[g], levels[b]))
    let grey = min(23, max(0, (red + green + blue) / 3 - 3) / 10)
    let greyValue = 8 + 10 * grey
    return distance(to: (greyValue, greyValue, greyValue)) < cubeDistance ? 232 + grey : cube
  }

  /// The nearest of the eight basic ANSI colours (0 black … 7 white), by hue rather than
  /// brightness: what an 8-colour terminal draws for a theme's colour.
  public var ansi8: Int {
    let high = max(red, green, blue)
    let low = min(red, green, blue)
    if high - low < 40 { return high >= 128 ? 7 : 0 }
    let threshold = (high + low) / 2
    return (red > threshold ? 1 : 0) | (green > threshold ? 2 : 0) | (blue > threshold ? 4 : 0)
  }

  private func distance(to other: (Int, Int, Int)) -> Int {
    let (r, g, b) = (red - other.0, green - other.1, blue - other.2)
    return r * r + g * g + b * b
  }
}
