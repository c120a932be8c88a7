package org.scforge.generators.board;

import org.scforge.generators.ExampleNetwork;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The protocol bytes of docs/rtl.md ("Board top"), pinned on its worked example. */
class SerialProtocolTest {

    private final SerialProtocol example = SerialProtocol.of(ExampleNetwork.network());

    private static byte[] bytes(String hex) {
        String[] parts = hex.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    @Test
    void theDocsExampleRequestAndReplyAreTheBytesTheDocShows() {
        assertThat(example).isEqualTo(new SerialProtocol(6, 2, 6, 1));
        assertThat(example.codeBytes()).isEqualTo(1);
        assertThat(example.countBytes()).isEqualTo(2);
        // the frame [6, 3]: codes 6 | 3 << 3
        assertThat(SerialProtocol.hex(example.request(BigInteger.valueOf(6 | 3 << 3)))).isEqualTo("a5 1e 1e");
        // counts [0, 1], class 1, done at edge L + D = 10
        SerialProtocol.Result result = new SerialProtocol.Result(1, BigInteger.valueOf(1 << 6), 10);
        assertThat(SerialProtocol.hex(example.reply(result))).isEqualTo("5a 01 40 00 0a 00 00 00 4b");
        assertThat(example.decode(bytes("5a 01 40 00 0a 00 00 00 4b"))).isEqualTo(result);
        assertThat(example.decode(bytes("ee 01"))).isEqualTo(new SerialProtocol.Error(SerialProtocol.ErrorCode.CHECKSUM));
        assertThat(example.decode(bytes("ee 05"))).isEqualTo(new SerialProtocol.Error(SerialProtocol.ErrorCode.CODE_RANGE));
        assertThat(SerialProtocol.hex(SerialProtocol.reply(SerialProtocol.ErrorCode.SHORT_FRAME))).isEqualTo("ee 02");
    }

    @Test
    void aBrokenReplyIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> example.decode(bytes("5a 01 40 00 0a 00 00 00 4c")))
                .hasMessageContaining("reply checksum 0x4c, the bytes sum to 0x4b");
        assertThatThrownBy(() -> example.decode(bytes("5a 01 40")))
                .hasMessageContaining("a reply of 3 bytes");
        assertThatThrownBy(() -> example.replyLength(0x41)).hasMessageContaining("0x41 where a reply starts");
        assertThatThrownBy(() -> example.decode(bytes("ee 09"))).hasMessageContaining("unknown error code 9");
        assertThatThrownBy(() -> example.request(BigInteger.ONE.shiftLeft(6)))
                .hasMessageContaining("do not fit the 6-bit codes port");
    }

    @Property(tries = 200)
    void aReplyDecodesToWhatWasEncoded(@ForAll @IntRange(min = 1, max = 300) int codeBits,
                                      @ForAll @IntRange(min = 1, max = 16) int classes,
                                      @ForAll @IntRange(min = 1, max = 20) int countBits,
                                      @ForAll long seed) {
        SerialProtocol p = new SerialProtocol(codeBits, classes, countBits, 4);
        Random random = new Random(seed);
        BigInteger counts = new BigInteger(classes * countBits, random);
        SerialProtocol.Result r = new SerialProtocol.Result(random.nextInt(classes), counts, random.nextInt(1 << 30));
        byte[] reply = p.reply(r);
        assertThat(reply).hasSize(7 + (classes * countBits + 7) / 8);
        assertThat(p.decode(reply)).isEqualTo(r);
        BigInteger codes = new BigInteger(codeBits, random);
        byte[] request = p.request(codes);
        assertThat(request).hasSize(2 + (codeBits + 7) / 8);
        BigInteger back = BigInteger.ZERO;
        int sum = 0;
        for (int i = request.length - 2; i >= 1; i--) {
            back = back.shiftLeft(8).or(BigInteger.valueOf(request[i] & 0xff));
            sum += request[i] & 0xff;
        }
        assertThat(back).isEqualTo(codes);
        assertThat(request[request.length - 1] & 0xff).isEqualTo(sum & 0xff);
    }
}
