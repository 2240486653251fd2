"""Pure parsing functions: numbers, number words, qualifiers, money, numeric expressions."""
from .money import currency_of, parse_money
from .numbers import number_word_value, parse_digits, parse_number, parse_number_words
from .numerics import Numeric, scan_numerics
from .qualifiers import qualifier_after, qualifier_before

__all__ = [
    "Numeric",
    "currency_of",
    "number_word_value",
    "parse_digits",
    "parse_money",
    "parse_number",
    "parse_number_words",
    "qualifier_after",
    "qualifier_before",
    "scan_numerics",
]
