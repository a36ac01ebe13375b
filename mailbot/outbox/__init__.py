"""The outbox: durable notifications and the transports that deliver them."""
