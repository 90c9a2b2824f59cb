# SPDX-License-Identifier: LGPL-2.1-only
# Float text both ways: repr's shortest digits (including next to powers of
# two, where the nearest candidate does not read back but its neighbour
# does), printf-style formats rounded half to even on the exact binary
# value, and float() reading long, tiny and huge decimals correctly rounded.

edges = [7.120236347223045e-307, 7.291122019556398e-304, 8.209073602596753e-289,
         5.641232424577593e-278, 5.858190679279809e-244, 2.0 ** -1022, 2.0 ** 1023,
         5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.1 + 0.2,
         1e16, 1e22, 1e23, 123456789012345680.0, 1 / 3, 2 / 3, 9007199254740993.0]
for x in edges:
    print(repr(x), repr(-x), str(x))
    assert float(repr(x)) == x

k = 1.0
for i in range(60):
    k = k * 2.0
    print(repr(k / 3), repr(3 / k))

for x in [0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 1e-7, 123.456, 1e300, 5e-324]:
    print('%.0f %.1f %.2f %.2e %.3g %#.3g %g %G %.17g' % (x, x, x, x, x, x, x, x * 1e-30, x))
    print(format(x, '.3'), format(x, ',.3f'), format(x, '_.1e'), format(x, '.1%'), format(-x, '+.2f'), f'{x:12.4}|{x:<12.2e}|')
    print(round(x, 2), round(x, 1), round(-x, 0), round(x, 20))

print('%.60f' % 0.1)
print('%.40e' % 5e-324)
print(format(1e308, 'f')[:40], len(format(1e308, 'f')))

texts = ['0.1', '  -2.5e3  ', '1_000.000_5', '1e-400', '-1e-400', '1e400', '2.4703282292062327e-324',
         '2.4703282292062328e-324', '4.9406564584124654e-324', '1.7976931348623158e308',
         '1.7976931348623159e308', '9007199254740992.5', '9007199254740993.5', '.5', '5.', '00012.50',
         '0.' + '0' * 320 + '5', '1' * 400 + 'e-399', '3' * 30 + '.' + '3' * 30, 'InFinity', '-inf', 'nan']
for t in texts:
    print(repr(t[:30]), repr(float(t)))

for t in ['', '.', 'e5', '1e', '1e+', '0x10', '1p3', 'infinit', 'nan1', '1..2', '1_', '_1', '1__0', '--1', '1e5x']:
    try:
        float(t)
        print('accepted', t)
    except ValueError as e:
        print('ValueError', e)
