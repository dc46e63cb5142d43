/// RC4, the stream cipher that masks 128 bytes of a Jet 4 header page (not a secret: the key
/// is the same in every file). Applying it twice gives the original bytes back.
struct JetRC4 {
    private var state: [UInt8]
    private var i: UInt8 = 0
    private var j: UInt8 = 0

    init(key: [UInt8]) {
        state = (0...255).map { UInt8($0) }
        var k = 0
        for index in 0..<256 {
            k = (k + Int(state[index]) + Int(key[index % key.count])) & 0xFF
            state.swapAt(index, k)
        }
    }

    /// XORs each byte of `bytes` with the next byte of the key stream.
    mutating func apply(to bytes: inout [UInt8]) {
        for index in bytes.indices {
            i &+= 1
            j &+= state[Int(i)]
            state.swapAt(Int(i), Int(j))
            bytes[index] ^= state[Int(state[Int(i)] &+ state[Int(j)])]
        }
    }
}
