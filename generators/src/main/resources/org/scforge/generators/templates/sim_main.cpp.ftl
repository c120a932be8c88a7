<#include "header.ftl">
// Verilator harness: the same checks as tb_${top}.v on the same vectors.hex, values and handshake
// (docs/rtl.md: busy, done as a level, every output 0 after rst, start and rst in the middle of a
// frame). Exit 1 at the first difference, naming the frame, the neuron, the expected and the got value
// ("handshake (...): ..." for the handshake); at the end it prints
// "PASS: <frames> frames, <values> values compared, handshake checked".
#include "V${top}.h"
#include "verilated.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace {

const int LATENCY = ${latency};
const int CODE_WIDTH = ${codeWidth};
const int COUNT_BITS = ${countBits};
const int CLASSES = ${classes};
const int CLASS_BITS = ${classBits};
const int HOLD = 3;                // edges done must stay high without a start
const int MIDDLE = LATENCY / 2;    // edges after a start edge at which the next start or rst comes

// One vector line as bits, least significant first.
std::vector<int> hex_bits(const std::string& hex, int width) {
    std::vector<int> bits(width, 0);
    int position = 0;
    for (auto it = hex.rbegin(); it != hex.rend() && position < width; ++it) {
        char c = *it;
        int nibble = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : c - 'A' + 10;
        for (int b = 0; b < 4 && position < width; ++b) {
            bits[position++] = (nibble >> b) & 1;
        }
    }
    return bits;
}

uint64_t field(const std::vector<int>& bits, int lsb, int width) {
    uint64_t value = 0;
    for (int b = width - 1; b >= 0; --b) {
        value = (value << 1) | static_cast<uint64_t>(bits[lsb + b]);
    }
    return value;
}

int64_t sign_extend(uint64_t value, int width) {
    uint64_t sign = 1ULL << (width - 1);
    return static_cast<int64_t>((value ^ sign) - sign);
}

void tick(V${top}* top) {
    top->clk = 0;
    top->eval();
    top->clk = 1;
    top->eval();
}

void set_codes(V${top}* top, const std::vector<int>& bits) {
<#if codeWidth <= 64>
    top->codes = field(bits, 0, CODE_WIDTH);
<#else>
    for (int word = 0; word * 32 < CODE_WIDTH; ++word) {
        int width = CODE_WIDTH - word * 32 < 32 ? CODE_WIDTH - word * 32 : 32;
        top->codes[word] = static_cast<uint32_t>(field(bits, word * 32, width));
    }
</#if>
}

int counts_bit(V${top}* top, int bit) {
<#if countsWidth <= 64>
    return static_cast<int>((static_cast<uint64_t>(top->counts) >> bit) & 1U);
<#else>
    return static_cast<int>((top->counts[bit / 32] >> (bit % 32)) & 1U);
</#if>
}

template <typename T> bool is_zero(const T& value) { return value == 0; }
template <std::size_t N> bool is_zero(const VlWide<N>& value) {
    for (std::size_t i = 0; i < N; ++i) {
        if (value[i] != 0) return false;
    }
    return true;
}

// Thrown at the first difference; main prints it and exits 1.
struct Failure {
    std::string message;
};

std::string prefix(const std::string& phase, size_t frame) {
    return (phase.empty() ? std::string() : "handshake (" + phase + "): ") + "frame " + std::to_string(frame);
}

// Every count and the class against vector v.
long check_results(V${top}* top, const std::vector<int>& v, const std::string& phase, size_t frame) {
    long compared = 0;
    for (int j = 0; j < CLASSES; ++j) {
        int64_t expected = sign_extend(field(v, CODE_WIDTH + j * COUNT_BITS, COUNT_BITS), COUNT_BITS);
        uint64_t raw = 0;
        for (int b = COUNT_BITS - 1; b >= 0; --b) {
            raw = (raw << 1) | static_cast<uint64_t>(counts_bit(top, j * COUNT_BITS + b));
        }
        int64_t got = sign_extend(raw, COUNT_BITS);
        if (got != expected) {
            throw Failure{prefix(phase, frame) + ", ${readout}_neuron_" + std::to_string(j) + ": expected "
                          + std::to_string(expected) + ", got " + std::to_string(got)};
        }
        ++compared;
    }
    uint64_t expected_class = field(v, CODE_WIDTH + CLASSES * COUNT_BITS, CLASS_BITS);
    if (static_cast<uint64_t>(top->class_out) != expected_class) {
        throw Failure{prefix(phase, frame) + ", class_out: expected " + std::to_string(expected_class) + ", got "
                      + std::to_string(static_cast<uint64_t>(top->class_out))};
    }
    return compared + 1;
}

// Starts frame v at the next edge; checks busy at every edge until done, the done edge and every value.
long run_frame(V${top}* top, const std::vector<int>& v, const std::string& phase, size_t frame) {
    const std::string handshake = "handshake (" + (phase.empty() ? std::string("values") : phase) + "): frame "
                                  + std::to_string(frame);
    set_codes(top, v);
    top->start = 1;
    tick(top);
    top->start = 0;
    int cycles = 0;
    while (!top->done) {
        if (!top->busy) {
            throw Failure{handshake + ": busy is 0 " + std::to_string(cycles + 1) + " edges after start, before done"};
        }
        if (cycles >= LATENCY) {
            throw Failure{"frame " + std::to_string(frame) + ": done did not rise within " + std::to_string(LATENCY)
                          + " edges of start"};
        }
        tick(top);
        ++cycles;
    }
    if (cycles != LATENCY) {
        throw Failure{"frame " + std::to_string(frame) + ": done rose " + std::to_string(cycles)
                      + " edges after start, expected " + std::to_string(LATENCY)};
    }
    if (top->busy) {
        throw Failure{handshake + ": busy is 1 at the done edge"};
    }
    return check_results(top, v, phase, frame);
}

// After rst: every output 0, for `edges` more edges with start low.
void check_idle(V${top}* top, int edges, const std::string& phase) {
    for (int e = 0; e <= edges; ++e) {
        bool zero = !top->busy && !top->done && top->class_out == 0 && is_zero(top->counts)<#list tracePorts as p>
                    && is_zero(top->${p.name})</#list>;
        if (!zero) {
            throw Failure{"handshake (" + phase + "): " + std::to_string(e) + " edges after rst an output is not 0"};
        }
        tick(top);
    }
}

void pulse_rst(V${top}* top) {
    top->rst = 1;
    tick(top);
    top->rst = 0;
}

// Starts frame v and runs MIDDLE more edges: the frame is under way.
void start_and_run_to_middle(V${top}* top, const std::vector<int>& v) {
    set_codes(top, v);
    top->start = 1;
    tick(top);
    top->start = 0;
    for (int e = 0; e < MIDDLE; ++e) tick(top);
}

}  // namespace

int main(int argc, char** argv) {
    Verilated::commandArgs(argc, argv);
    const char* path = argc > 1 && argv[argc - 1][0] != '+' ? argv[argc - 1] : "vectors.hex";
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", path);
        return 2;
    }
    std::vector<std::vector<int>> vectors;
    std::string line;
    const int vector_bits = CLASS_BITS + CLASSES * COUNT_BITS + CODE_WIDTH;
    while (std::getline(in, line)) {
        if (line.empty() || line.rfind("//", 0) == 0) {
            continue;
        }
        vectors.push_back(hex_bits(line, vector_bits));
    }
    V${top}* top = new V${top};
    top->rst = 1;
    top->start = 0;
<#if learns>
    top->learn = 0;  // learning off: the golden model's frames with the file's weights (docs/rtl.md, "Learning layers")
</#if>
    tick(top);
    tick(top);
    top->rst = 0;
    if (vectors.empty()) {
        std::fprintf(stderr, "FAIL: no frames in %s\n", path);
        return 1;
    }
    long compared = 0;
    try {
        for (size_t frame = 0; frame < vectors.size(); ++frame) {
            compared += run_frame(top, vectors[frame], "", frame);
        }
        const size_t last = vectors.size() - 1;
        for (int e = 1; e <= HOLD; ++e) {
            tick(top);
            if (!top->done || top->busy) {
                throw Failure{"handshake (done is a level): " + std::to_string(e) + " edges after done without start: done "
                              + std::to_string(top->done) + ", busy " + std::to_string(top->busy)};
            }
        }
        check_results(top, vectors[last], "done is a level", last);
        pulse_rst(top);
        check_idle(top, LATENCY + 1, "rst after a frame");
        start_and_run_to_middle(top, vectors[last]);
        run_frame(top, vectors[0], "start in the middle of a frame", 0);
        start_and_run_to_middle(top, vectors[last]);
        pulse_rst(top);
        check_idle(top, LATENCY + 1, "rst in the middle of a frame");
        run_frame(top, vectors[0], "a frame after rst in the middle of a frame", 0);
    } catch (const Failure& failure) {
        std::fprintf(stderr, "FAIL: %s\n", failure.message.c_str());
        return 1;
    }
    top->final();
    delete top;
    std::printf("PASS: %zu frames, %ld values compared, handshake checked (busy, done level, rst, start and rst in the middle of a frame)\n",
                vectors.size(), compared);
    return 0;
}
