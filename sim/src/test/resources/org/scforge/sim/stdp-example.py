# An independent re-implementation of the worked example of docs/semantics.md section 12.6, written from
# the text of section 12 alone (not from the Java code): python3 stdp-example.py prints every step of both
# frames; StdpSemanticsExampleTest pins the golden model to the same numbers. Needs numpy.
import numpy as np
L = 4
def vdc(n, L): return [int(format(t % (1 << n), f'0{n}b')[::-1], 2) for t in range(L)]
def lfsr(n, taps, seed, L):
    r, out = seed, []
    for _ in range(L):
        out.append(r)
        f = 0
        for tap in taps: f ^= (r >> (tap - 1)) & 1
        r = ((r << 1) | f) & ((1 << n) - 1)
    return out
def sobol(n, m, L):
    v = [m[i] << (n - 1 - i) for i in range(n)]
    out = []
    for t in range(L):
        s = t % (1 << n); g = s ^ (s >> 1); r = 0
        for i in range(n):
            if g >> i & 1: r ^= v[i]
        out.append(r)
    return out
src_in = vdc(2, L)                       # 2-bit inputs: top 2 bits = whole number
src_hidden = [r >> 1 for r in lfsr(3, [3, 2], 1, L)]   # top 2 of 3 bits
src_learn = sobol(2, [1, 3], L)          # dim 2: m0=1, m1 = 1 ^ (1<<1) = 3
src_out = sobol(2, [1, 3], L)            # dim 3: m0=1, m1=3 (table)
print("src_in", src_in, "src_hidden top2", src_hidden, "src_learn", src_learn, "src_out", src_out)
in_masks = [1, 0]
hid_nm, hid_im = [0, 1], [0, 1, 2]
out_nm, out_im = [0, 1], [0, 1, 2]
W = np.array([[1, 2], [2, -1]]); hb = [0, 0]
Wo = np.array([[2, -1], [-1, 2]]); ob = [0, 0]
th, fl, ce = 2, -2, 1
Wn, kp, pP, pM, stp, mn, mx = 2, 2, 3, 1, 1, -3, 3
def sng(mag, r, mask): return 1 if mag > (r ^ mask) else 0
for frame, codes in enumerate([[3, 1], [1, 3]]):
    age = [Wn, Wn]; v = [0, 0]; cnt = [0, 0]
    print(f"frame {frame} codes {codes}")
    for t in range(L):
        x = [sng(codes[i], src_in[t], in_masks[i]) for i in range(2)]
        age = [0 if x[i] else min(Wn, age[i] + 1) for i in range(2)]
        S = []
        for j in range(2):
            s = 0
            for i in range(2):
                w = W[j][i]
                if x[i] and sng(abs(w), src_hidden[t], hid_nm[j] ^ hid_im[i]): s += 1 if w > 0 else -1
            b = hb[j]
            if sng(abs(b), src_hidden[t], hid_nm[j] ^ hid_im[2]): s += 1 if b > 0 else -1
            S.append(s)
        u = [v[j] + S[j] for j in range(2)]
        A = [j for j in range(2) if u[j] >= th]
        spikes = [0, 0]
        if not A:
            v = [min(ce, max(fl, u[j])) for j in range(2)]; win = None
        else:
            win = max(A, key=lambda j: (u[j], -j))
            spikes[win] = 1
            v = [min(ce, max(fl, u[j] - th)) if j == win else fl for j in range(2)]
        bits = []
        for j in range(2):
            if not spikes[j]: continue
            for i in range(2):
                pot = age[i] < Wn
                p = pP if pot else pM
                m = (hid_nm[j] ^ hid_im[i]) & ((1 << kp) - 1)
                if p > (src_learn[t] ^ m):
                    old = W[j][i]
                    W[j][i] = min(mx, old + stp) if pot else max(mn, old - stp)
                    bits.append((j, i, 'up' if pot else 'down', int(old), int(W[j][i])))
                else:
                    bits.append((j, i, 'none(' + ('up' if pot else 'down') + ')', int(W[j][i]), int(W[j][i])))
        So = []
        for j in range(2):
            s = 0
            for i in range(2):
                w = Wo[j][i]
                if spikes[i] and sng(abs(w), src_out[t], out_nm[j] ^ out_im[i]): s += 1 if w > 0 else -1
            if sng(abs(ob[j]), src_out[t], out_nm[j] ^ out_im[2]): s += 1 if ob[j] > 0 else -1
            So.append(s); cnt[j] += s
        print(f" t={t} x={x} ages={age} S={S} u={u} winner={win} spikes={spikes} v={v} learn_r={src_learn[t]} updates={bits} W={W.tolist()} Sout={So} counts={cnt}")
    print(" weights after frame", W.tolist(), "counts", cnt)
