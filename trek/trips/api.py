from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from trek.trips.models import Trip, TripMember


class MemberSerializer(serializers.ModelSerializer):
    user_id = serializers.IntegerField(source="user.pk", read_only=True)
    username = serializers.CharField(source="user.username", read_only=True)

    class Meta:
        model = TripMember
        fields = ["user_id", "username", "added_at"]


class TripSerializer(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.username", read_only=True)
    members = MemberSerializer(many=True, read_only=True)

    class Meta:
        model = Trip
        fields = ["id", "title", "start_date", "end_date", "owner", "members"]

    def validate(self, attrs):
        start = attrs.get("start_date", getattr(self.instance, "start_date", None))
        end = attrs.get("end_date", getattr(self.instance, "end_date", None))
        if start and end and end < start:
            raise serializers.ValidationError(
                {"end_date": "The trip cannot end before it starts."}
            )
        return attrs


class AddMemberSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)


class TripViewSet(viewsets.ModelViewSet):
    """Trips the caller owns or belongs to. Anybody else's trip is a 404."""

    serializer_class = TripSerializer

    def get_queryset(self):
        return (
            Trip.objects.visible_to(self.request.user)
            .select_related("owner")
            .prefetch_related("members__user")
        )

    def perform_create(self, serializer):
        serializer.save(owner=self.request.user)

    def perform_update(self, serializer):
        self._require_owner(serializer.instance)
        serializer.save()

    def perform_destroy(self, instance):
        self._require_owner(instance)
        instance.delete()

    @action(detail=True, methods=["get", "post"], serializer_class=AddMemberSerializer)
    def members(self, request, pk=None):
        trip = self.get_object()
        if request.method == "GET":
            return Response({"members": MemberSerializer(trip.members, many=True).data})
        self._require_owner(trip)
        serializer = AddMemberSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        username = serializer.validated_data["username"]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            return Response(
                {"error": f'There is no user called "{username}".'},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if user == trip.owner:
            return Response(
                {"error": "The owner is already on the trip."},
                status=status.HTTP_400_BAD_REQUEST,
            )
        member, created = TripMember.objects.get_or_create(trip=trip, user=user)
        return Response(
            MemberSerializer(member).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @action(detail=True, methods=["delete"], url_path=r"members/(?P<user_id>\d+)")
    def remove_member(self, request, pk=None, user_id=None):
        trip = self.get_object()
        self._require_owner(trip)
        get_object_or_404(TripMember, trip=trip, user_id=user_id).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _require_owner(self, trip):
        if trip.owner_id != self.request.user.pk:
            raise PermissionDenied("Only the trip's owner can do this.")
