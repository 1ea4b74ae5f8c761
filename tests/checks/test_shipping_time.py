from __future__ import annotations

import pytest

from listlint.checks.shipping_time import ShippingTime
from listlint.testing import run_check


def _listing(description: str = "", **shipping: object) -> dict[str, object]:
    return {"id": "T1", "title": "Mug", "description": description, "shipping": shipping}


def test_max_below_min() -> None:
    (finding,) = run_check(ShippingTime, _listing(days_min=7, days_max=3))
    assert finding.field == "shipping.days_max"
    assert finding.message == "Shipping days_max 3 is below days_min 7"


def test_beyond_60_days_and_the_option() -> None:
    (finding,) = run_check(ShippingTime, _listing(days_min=10, days_max=90))
    assert finding.message == "Shipping promises up to 90 days, beyond 60 days"
    assert run_check(ShippingTime, _listing(days_min=10, days_max=60)) == []
    assert run_check(ShippingTime, _listing(days_max=90), options={"max-days": 120}) == []


def test_days_that_are_not_numbers() -> None:
    (finding,) = run_check(ShippingTime, _listing(days_min="soon", days_max=5))
    assert finding.field == "shipping.days_min"
    assert run_check(ShippingTime, _listing(days_min=-1, days_max=5))
    assert run_check(ShippingTime, _listing(days_min="2", days_max="5")) == []  # CSV text


def test_no_promise_no_finding() -> None:
    assert (
        run_check(ShippingTime, {"id": "T1", "title": "Mug", "description": "Ships in 6 weeks"})
        == []
    )
    assert run_check(ShippingTime, _listing("Ships in 6 weeks", cost=0)) == []


@pytest.mark.parametrize(
    ("description", "days_min", "days_max"),
    [
        ("Made to order: ships in 4-6 weeks.", 3, 5),
        ("Please note this item ships within 3 weeks.", 2, 5),
        ("Pre-order. Dispatched in 2 to 3 weeks.", 1, 3),
        ("Delivery time: 15-30 days.", 3, 5),
        ("Shipping time is usually 10-20 business days", 2, 4),
        ("Allow 4 weeks for delivery.", 3, 7),
        ("Arrives in two weeks", 2, 5),
        ("<p>Handling time: 10 days</p>", 1, 3),
        ("Delivered in 1-2 days!", 10, 20),  # far sooner than the promise
        ("Next-day delivery on every order.", 7, 14),
        ("SHIPS IN 4\u20136 WEEKS", 3, 5),  # en dash, capitals
        ("Ships within 24 hours. Delivered in 4-6 weeks.", 3, 5),  # dispatch agrees, not delivery
        ("Handmade to order; please allow 6 weeks for delivery.", 5, 10),
        # Other languages: the words are in listlint/vocab/shipping.toml.
        ("Maßanfertigung: Versand innerhalb von 4-6 Wochen.", 3, 5),
        ("Lieferzeit: 15-20 Werktage.", 2, 4),
        ("Die Ware wird innerhalb von 3 Wochen versendet.", 2, 5),
        ("Fabriqué à la commande, expédié sous 4 semaines.", 3, 5),
        ("Délai de livraison : 15 à 20 jours ouvrés.", 2, 4),
        ("Hecho a mano: envío en 3-4 semanas.", 2, 5),
        ("Entrega en 1-2 días.", 10, 20),  # far sooner than the promise
        ("Spedizione in 4 settimane.", 2, 5),
        ("Tempi di consegna: 15-20 giorni lavorativi.", 2, 4),
        ("Envio em 3 semanas.", 2, 5),
        ("Prazo de entrega: 15 a 20 dias úteis.", 2, 4),
        ("Made to order. Versand innerhalb von zwei Wochen.", 2, 5),  # number words
    ],
)
def test_descriptions_that_deny_the_promise(description: str, days_min: int, days_max: int) -> None:
    (finding,) = run_check(
        ShippingTime, _listing(description, days_min=days_min, days_max=days_max)
    )
    assert finding.field == "description"
    assert "but shipping promises" in finding.message


@pytest.mark.parametrize(
    ("description", "days_min", "days_max"),
    [
        ("Ships within 24 hours.", 3, 5),  # dispatch is part of the delivery time
        ("Ships in 1-2 business days.", 3, 5),
        ("Delivery in 3-5 days.", 3, 5),
        ("Delivered in 5-7 business days.", 3, 5),  # close: not a contradiction
        ("Arrives in 2 days.", 3, 5),
        ("Delivery within 2 weeks of ordering.", 3, 12),
        ("Returns accepted within 30 days.", 3, 5),  # about returns, not shipping
        ("30-day money-back guarantee and 2 year warranty.", 3, 5),
        ("Delivers up to 10 days of battery life.", 2, 4),  # not a delivery time
        ("The battery lasts 10 days; ships in a gift box.", 2, 4),
        ("Ships in 2 boxes. Arrives in 3 pieces.", 2, 4),
        ("Free delivery on orders over 50 EUR.", 2, 4),
        ("Allow 24 hours for the glue to dry.", 2, 4),
        ("Marinate for 2 weeks after delivery.", 2, 4),
        ("Ships in 4-6 weeks.", 28, 42),  # agrees with a long promise
        # Another option than the standard promise: an upgrade, a region, an alternative.
        ("Express delivery in 1-2 days available at checkout.", 7, 14),
        ("Next-day delivery available for a small surcharge.", 5, 8),
        ("Delivered in 2 days in the UK, or 3 weeks for other countries.", 14, 21),
        ("International delivery in 2-4 weeks.", 2, 5),
        ("Ships in 3 weeks for custom sizes.", 2, 5),
        ("Personalised mugs ship in 3 weeks.", 2, 5),
        ("Delivery in 3-5 days. Delivery to the islands takes 3 weeks.", 3, 5),
        ("Ships in 3-5 days from our warehouse.", 10, 20),
        ("", 3, 5),
        # Other languages.
        ("Versand innerhalb von 24 Stunden.", 2, 4),
        ("Wir versenden innerhalb eines Werktages nach Ihrer Bestellung.", 2, 4),
        ("Lieferzeit: 2-4 Werktage.", 2, 4),
        ("Rücksendungen sind innerhalb von 30 Tagen möglich.", 2, 4),  # returns
        ("Kostenloser Versand, 30 Tage Rückgaberecht.", 2, 4),
        ("Versand: 30 Tage Rückgaberecht.", 2, 4),
        ("Expresslieferung in 1 Tag gegen Aufpreis.", 7, 14),  # an option
        ("Lieferung in 3 Wochen nach Österreich.", 2, 4),  # a region
        ("Expédié sous 24h, livré en 3 à 5 jours ouvrés.", 3, 5),
        ("Retours acceptés sous 30 jours.", 2, 4),
        ("Livraison en 3 semaines en Corse et dans les DOM-TOM.", 2, 4),
        ("Livraison express en 24h disponible.", 5, 8),
        ("l'envoi se fait sous 48h", 3, 5),
        ("Envío en 24/48 horas. Devoluciones gratuitas en 30 días.", 3, 5),
        ("Entrega en 3 a 5 días hábiles.", 3, 5),
        ("Envío a Canarias en 3 semanas.", 2, 5),  # a region
        ("Spedizione in 24/48 ore, consegna in 3-5 giorni lavorativi.", 3, 5),
        ("Reso gratuito entro 30 giorni.", 2, 4),
        ("Enviado em 2 dias úteis; entrega em 3 a 5 dias.", 3, 5),
        ("Devolução grátis em 30 dias.", 2, 4),
        ("Batterie mit 10 Tagen Laufzeit; Versand in Geschenkbox.", 2, 4),
    ],
)
def test_descriptions_that_agree_or_say_nothing(
    description: str, days_min: int, days_max: int
) -> None:
    assert (
        run_check(ShippingTime, _listing(description, days_min=days_min, days_max=days_max)) == []
    )


def test_one_bound_is_enough_to_compare() -> None:
    assert run_check(ShippingTime, _listing("Ships in 4-6 weeks.", days_max=5))
    assert run_check(ShippingTime, _listing("Ships in 4-6 weeks.", days_min=3))


def test_the_message_quotes_the_statement_as_written() -> None:
    (finding,) = run_check(
        ShippingTime, _listing("Die Ware wird innerhalb von 3 Wochen versendet.", days_max=5)
    )
    assert finding.message == (
        "The description says '3 Wochen versendet', but shipping promises 5 days"
    )
