# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-float --no-long-ints --no-bytearray
# Functions: defaults, keyword arguments, *args, recursion, closures,
# nested functions, lambdas, decorators (with arguments), functions as
# values, the global statement.

print("-- defaults and keywords --")
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))
def append_to(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, [0]))
def shared_default(x, acc=[]):
    acc.append(x)
    return len(acc)
print(shared_default("a"), shared_default("b"), shared_default("c"))
def varargs(first, *rest):
    return first, rest
print(varargs(1), varargs(1, 2, 3), varargs(*[4, 5, 6]), varargs(*"ab"))
print("-- recursion --")
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)
    return moves
print([fact(i) for i in range(11)], [fib(i) for i in range(15)])
print(hanoi(3, "A", "C", "B", []), len(hanoi(6, "A", "C", "B", [])))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
print("-- closures --")
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(-1)(0))
def make_counter():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def make_acc():
    total = 0
    def acc(x):
        nonlocal total
        total += x
        return total
    return acc
acc = make_acc()
print(acc(10), acc(5), acc(-3))
fns = [lambda x, i=i: x * i for i in range(4)]
late = [lambda x: x * i for i in range(4)]
print([f(10) for f in fns], [f(10) for f in late])
def outer():
    v = "outer"
    def middle():
        def inner():
            return v + "-inner"
        return inner()
    return middle()
print(outer())
print("-- lambdas and functions as values --")
square = lambda x: x * x
ops = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in ("add", "sub", "mul"):
    print(name, ops[name](7, 3))
def apply_twice(f, x):
    return f(f(x))
print(square(9), apply_twice(square, 3), apply_twice(add5, 0), list(map(square, range(5))))
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(square, add5)(1), compose(add5, square)(1), compose()(42))
print(greet.__name__, square.__name__, (lambda: None)())
print("-- decorators --")
def trace(fn):
    def wrapper(*args):
        print("calling", fn.__name__, args)
        result = fn(*args)
        print("returned", result)
        return result
    return wrapper
@trace
def mul(a, b):
    return a * b
mul(6, 7)
def repeat(times):
    def deco(fn):
        def wrapper(x):
            for _ in range(times):
                x = fn(x)
            return x
        return wrapper
    return deco
@repeat(3)
def double(x):
    return x * 2
@trace
@repeat(2)
def inc(x):
    return x + 1
print(double(1), inc(10))
print("-- global statement --")
counter = 0
def bump():
    global counter
    counter += 1
    return counter
def read_only():
    return counter * 100
bump()
bump()
print(counter, read_only())
def define_global():
    global created_later
    created_later = "made inside a function"
define_global()
print(created_later)
